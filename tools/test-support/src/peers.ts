// The peer tools the benchmarks compare cxops with, built from their Go source at a pinned release into a
// bench-local folder (.cxops/bench-tools/bin, git-ignored) — never into the product's toolchain. A peer that
// cannot be built here is reported with the reason, and its rows are left out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';

export type PeerName = 'conftest' | 'terramate';

export type Peer =
  | { name: PeerName; version: string; path: string }
  | { name: PeerName; unavailable: string };

const CONFTEST = {
  module: 'github.com/open-policy-agent/conftest',
  version: '0.69.0',
};
const TERRAMATE = { module: 'github.com/terramate-io/terramate', version: '0.17.2' };

/** Where the peers are built: CXOPS_BENCH_TOOLS_DIR, or .cxops/bench-tools in the workspace. */
export function benchToolsDir(): string {
  return process.env.CXOPS_BENCH_TOOLS_DIR ?? path.join(workspaceRoot(), '.cxops', 'bench-tools');
}

/** The peer's binary, built first when it is missing or reports another version. */
export function peer(name: PeerName): Peer {
  const bin = path.join(benchToolsDir(), 'bin', name);
  const expected = name === 'conftest' ? CONFTEST.version : TERRAMATE.version;
  if (versionOf(name, bin) === expected) return { name, version: expected, path: bin };
  const built = name === 'conftest' ? buildConftest(bin) : buildTerramate(bin);
  if (built) return { name, unavailable: built };
  const version = versionOf(name, bin);
  if (version !== expected)
    return { name, unavailable: `the build reports version ${version ?? '(none)'}, not ${expected}` };
  return { name, version, path: bin };
}

function versionOf(name: PeerName, bin: string): string | undefined {
  if (!existsSync(bin)) return undefined;
  const result = spawnSync(bin, name === 'conftest' ? ['--version'] : ['version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  // conftest: "Conftest: 0.69.0\nOPA: 1.19.0"; terramate: "0.17.2".
  return /(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
}

/** Conftest is served by the Go module proxy: `go install` at the tag, its version set as its Makefile does. */
function buildConftest(bin: string): string | undefined {
  console.error(
    `Building Conftest v${CONFTEST.version} from the Go module proxy into ${path.dirname(bin)} …`,
  );
  const ldflags = `-X ${CONFTEST.module}/internal/version.Version=${CONFTEST.version}`;
  return go(['install', '-trimpath', `-ldflags=${ldflags}`, `${CONFTEST.module}@v${CONFTEST.version}`], {
    GOBIN: path.dirname(bin),
  });
}

/**
 * Terramate is not served by the Go module proxy on the machines this project is built on: it is built from its
 * source at the release tag, in CXOPS_BENCH_TERRAMATE_SOURCE or .cxops/bench-tools/src/terramate-v<version>
 * (e.g. `git archive v0.17.2` of github.com/terramate-io/terramate), whose VERSION file must say the pinned
 * version. Its dependencies come from the proxy.
 */
function buildTerramate(bin: string): string | undefined {
  const source =
    process.env.CXOPS_BENCH_TERRAMATE_SOURCE ??
    path.join(benchToolsDir(), 'src', `terramate-v${TERRAMATE.version}`);
  const versionFile = path.join(source, 'VERSION');
  if (!existsSync(versionFile))
    return `no source at ${source}: the Go module proxy does not serve ${TERRAMATE.module}; put its source at tag v${TERRAMATE.version} there (or set CXOPS_BENCH_TERRAMATE_SOURCE)`;
  const version = readFileSync(versionFile, 'utf8').trim();
  if (version !== TERRAMATE.version)
    return `the source at ${source} is version ${version}, not ${TERRAMATE.version}`;
  console.error(`Building Terramate v${version} from ${source} into ${path.dirname(bin)} …`);
  return go(['build', '-trimpath', '-o', bin, './cmd/terramate'], {}, source);
}

/** Runs go; returns why it failed, or undefined. */
function go(args: string[], env: NodeJS.ProcessEnv, cwd?: string): string | undefined {
  mkdirSync(path.join(benchToolsDir(), 'bin'), { recursive: true });
  const result = spawnSync('go', args, {
    cwd,
    env: { ...process.env, CGO_ENABLED: '0', ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error) return `go is not available (${result.error.message}); install Go ≥ 1.25`;
  if (result.status !== 0)
    return `go ${args.join(' ')} failed:\n${result.stderr.trim().split('\n').slice(-20).join('\n')}`;
  return undefined;
}
