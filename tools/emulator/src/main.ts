// Runs the emulator as a process: `tsx tools/emulator/src/main.ts --port 8089 --state .cxops/stack/org.json`.
// The local stack starts it this way, detached, and finds it again through /health.
import { parseArgs } from 'node:util';
import { createEmulator, listen } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    state: { type: 'string' },
    'rate-per-minute': { type: 'string' },
    seed: { type: 'string' },
    log: { type: 'boolean', default: false },
  },
});

const emulator = createEmulator({
  stateFile: values.state,
  seed: values.seed,
  logger: values.log,
  rateLimits: values['rate-per-minute'] ? { perToken: Number(values['rate-per-minute']) } : undefined,
});
const url = await listen(emulator, Number(values.port));
process.stdout.write(`cxops emulator listening on ${url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Closing flushes the state file before the process ends.
    void emulator.app.close().then(() => process.exit(0));
  });
}
