// Requests per second the emulator serves on this machine, so it is never the bottleneck of an apply.
// Run: npx tsx tools/emulator/bench/emulator-bench.ts  (part of `npm run bench`)
import autocannon from 'autocannon';
import { createEmulator, listen } from '../src/index.ts';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function main(): Promise<void> {
  // A budget far above the load, so the figures measure serving, not limiting.
  const emulator = createEmulator({ rateLimits: { perToken: 10_000_000 } });
  const base = await listen(emulator);
  const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
  const post = async (path: string, body: unknown) =>
    (await (
      await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).json()) as { id: string };

  const skill = await post('/api/v2/routing/skills', { name: 'Bench skill' });
  const queue = await post('/api/v2/routing/queues', { name: 'Bench queue' });
  for (let i = 0; i < 200; i++) await post('/api/v2/routing/skills', { name: `Filler ${i}` });

  const scenarios: [string, autocannon.Options][] = [
    ['GET one skill', { url: `${base}/api/v2/routing/skills/${skill.id}` }],
    ['GET one queue', { url: `${base}/api/v2/routing/queues/${queue.id}` }],
    ['GET a page of 100 skills', { url: `${base}/api/v2/routing/skills?pageSize=100&pageNumber=2` }],
    [
      'POST wrap-up codes (unique names)',
      {
        url: `${base}/api/v2/routing/wrapupcodes`,
        method: 'POST',
        idReplacement: true,
        body: JSON.stringify({ name: 'code [<id>]' }),
      },
    ],
  ];
  const rows = [];
  for (const [name, options] of scenarios) {
    const result = await autocannon({ ...options, headers, connections: 10, duration: DURATION_SECONDS });
    rows.push({
      scenario: name,
      'req/s (mean)': Math.round(result.requests.average),
      'p99 latency ms': result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  await emulator.app.close();
  console.log(`Emulator throughput, ${DURATION_SECONDS} s per scenario, 10 connections, in-memory org:`);
  console.table(rows);
  // For scale: one Genesys client-credentials token is allowed 300 requests a minute (5 req/s).
  const slowest = Math.min(...rows.map((r) => r['req/s (mean)']));
  console.log(
    `Slowest scenario: ${slowest} req/s = ${Math.round(slowest / 5)}× one token's Genesys budget (5 req/s).`,
  );
}

await main();
