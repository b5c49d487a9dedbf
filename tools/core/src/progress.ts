// Progress for long work: a line when a step starts, a heartbeat while it runs, a line when it ends.
// Written to stderr so that `--json` output on stdout stays machine-readable.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Step {
  parent: Step | undefined;
  /** How many steps run inside this one right now. */
  inner: number;
}

export interface Progress {
  step<T>(label: string, work: () => Promise<T>, options?: { heartbeatMs?: number }): Promise<T>;
  info(message: string): void;
  warn(message: string): void;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function createProgress(
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Progress {
  // Steps run inside steps (the demo's toolchain step builds each tool in a step of its own): only a step that
  // is running none of its own gives a heartbeat, so one wait is reported once, by its most precise name.
  // Steps side by side (departments planned in parallel) each keep theirs.
  const current = new AsyncLocalStorage<Step>();
  return {
    async step(label, work, options = {}) {
      const started = Date.now();
      const self: Step = { parent: current.getStore(), inner: 0 };
      for (let step = self.parent; step; step = step.parent) step.inner += 1;
      write(`▶ ${label}`);
      const timer = setInterval(() => {
        if (self.inner === 0) write(`  … ${label}: still working (${formatDuration(Date.now() - started)})`);
      }, options.heartbeatMs ?? 30_000);
      timer.unref();
      try {
        const result = await current.run(self, work);
        write(`✔ ${label} (${formatDuration(Date.now() - started)})`);
        return result;
      } catch (error) {
        write(`✖ ${label} (${formatDuration(Date.now() - started)})`);
        throw error;
      } finally {
        clearInterval(timer);
        for (let step = self.parent; step; step = step.parent) step.inner -= 1;
      }
    },
    info: (message) => write(`  ${message}`),
    warn: (message) => write(`⚠ ${message}`),
  };
}

/** A progress sink that records lines, for tests and for `--json` runs that want silence. */
export function silentProgress(lines: string[] = []): Progress {
  return createProgress((l) => lines.push(l));
}
