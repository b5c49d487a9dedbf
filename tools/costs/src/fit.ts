// Least squares with non-negative weights for a handful of features: every subset of features is solved
// exactly (normal equations) and the best subset whose weights are all ≥ 0 wins. A cost is never negative, and
// with at most four features per type there are at most sixteen subsets.

export interface Sample {
  calls: number;
  features: Record<string, number>;
}

export interface Fit {
  base: number;
  per: Record<string, number>;
  /** Root mean square error of the fit, in calls. */
  rmse: number;
}

function solve(matrix: number[][], vector: number[]): number[] | undefined {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-9) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

export function fit(samples: Sample[], features: string[]): Fit {
  let best: Fit | undefined;
  for (let mask = 0; mask < 1 << features.length; mask++) {
    const chosen = features.filter((_, i) => mask & (1 << i));
    const rows = samples.map((s) => [1, ...chosen.map((f) => s.features[f] ?? 0)]);
    const k = chosen.length + 1;
    const xtx = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => rows.reduce((sum, row) => sum + row[i]! * row[j]!, 0)),
    );
    const xty = Array.from({ length: k }, (_, i) =>
      rows.reduce((sum, row, r) => sum + row[i]! * samples[r]!.calls, 0),
    );
    const weights = solve(xtx, xty);
    if (!weights || weights.some((w) => w < -1e-9)) continue;
    const predicted = rows.map((row) => row.reduce((sum, x, i) => sum + x * weights[i]!, 0));
    const sse = predicted.reduce((sum, p, r) => sum + (p - samples[r]!.calls) ** 2, 0);
    const rmse = Math.sqrt(sse / Math.max(1, samples.length));
    // A feature must earn its place: prefer the smaller subset unless the larger one is clearly better.
    if (!best || rmse < best.rmse - 0.05) {
      const round = (x: number) => Math.round(Math.max(0, x) * 1000) / 1000;
      best = {
        base: round(weights[0]!),
        per: Object.fromEntries(chosen.map((f, i) => [f, round(weights[i + 1]!)]).filter(([, w]) => w !== 0)),
        rmse: Math.round(rmse * 1000) / 1000,
      };
    }
  }
  return best ?? { base: 0, per: {}, rmse: 0 };
}
