// How long the pre-commit hook takes, end to end as a developer sees it (git commit → husky → lint-staged →
// cxops precommit), in a scratch clone of this repository with the toolchain present: the first commit (the
// roots' working folders are initialised), a typical commit (one department's data) and a module change
// (every root that uses the module is validated). Goal: a typical commit under 10 s. Figures are printed,
// never asserted; CPU time (user + system, the hook's processes included) is printed beside the wall time
// because on a shared machine the wall time mostly measures the neighbours (the load average is printed too).
// Run: npx tsx tools/jobs/bench/precommit-bench.ts [--runs 3]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toolchainLayout } from '@cxops/toolchain';
import { scratchRepository, type ScratchRepo } from '@cxops/test-support/scratch-repo';
import { fakeClientSecret } from '@cxops/test-support/secrets';

interface Row {
  commit: string;
  'wall s': number;
  'cpu s': number;
  'load (1 min)': number;
  result: string;
}

const DEPARTMENT = 'environments/sales/main.tf';
const MODULE = 'modules/queues/outputs.tf';

function timedCommit(repo: ScratchRepo, message: string): { wall: number; cpu: number; ok: boolean } {
  const started = performance.now();
  // `times` prints the CPU time of the shell's finished children: git and everything the hook ran.
  let out: string;
  let ok = true;
  try {
    out = execFileSync(
      'bash',
      ['-c', `git commit --quiet --message "${message}" >/dev/null 2>&1; s=$?; times; exit $s`],
      {
        cwd: repo.dir,
        env: repo.env,
        encoding: 'utf8',
      },
    );
  } catch (error) {
    ok = false;
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const wall = (performance.now() - started) / 1000;
  const children = out.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: seconds.reduce((a, b) => a + b, 0), ok };
}

function edit(repo: ScratchRepo, file: string, change: (text: string) => string): void {
  const full = path.join(repo.dir, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
  repo.git('add', file);
}

export function main(argv = process.argv.slice(2)): number {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  const repo = scratchRepository(toolchainLayout().root);
  const rows: Row[] = [];
  const record = (commit: string, r: ReturnType<typeof timedCommit>, expectOk = true) =>
    rows.push({
      commit,
      'wall s': Math.round(r.wall * 10) / 10,
      'cpu s': Math.round(r.cpu * 10) / 10,
      'load (1 min)': Math.round(os.loadavg()[0]! * 10) / 10,
      result: r.ok === expectOk ? (r.ok ? 'committed' : 'refused, as it should') : 'UNEXPECTED',
    });
  try {
    let n = 0;
    const departmentChange = () =>
      edit(repo, DEPARTMENT, (t) =>
        t.replace(/answered within 20 s[^"]*"/, `answered within 20 s (${++n})"`),
      );
    departmentChange();
    record('first commit (department data; roots initialised)', timedCommit(repo, 'first'));
    for (let i = 0; i < runs; i++) {
      departmentChange();
      record('typical: one department data change', timedCommit(repo, `department ${i}`));
    }
    for (let i = 0; i < runs; i++) {
      edit(repo, MODULE, (t) => `${t}\n# bench ${i}\n`);
      record('module change (8 roots validated)', timedCommit(repo, `module ${i}`));
    }
    const secret = fakeClientSecret();
    edit(repo, DEPARTMENT, (t) =>
      t.replace(/answered within 20 s[^"]*"/, `answered; client_secret=${secret}"`),
    );
    record('planted client secret', timedCommit(repo, 'secret'), false);
    console.log(`Pre-commit on ${os.cpus().length} CPUs, scratch clone ${repo.dir}:`);
    console.table(rows);
    return rows.every((r) => r.result !== 'UNEXPECTED') ? 0 : 1;
  } finally {
    repo.dispose();
  }
}

process.exitCode = main();
