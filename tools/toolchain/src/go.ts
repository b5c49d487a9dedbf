// Runs the Go command for builds and turns its failures into errors that say what is missing and how to fix it.
import { CxError, EXIT, run, which, type RunResult } from '@cxops/core';

export interface GoEnvironment {
  /** The `go` binary: a path or a name looked up on PATH. */
  goBinary: string;
  env: NodeJS.ProcessEnv;
}

export function defaultGoEnvironment(env: NodeJS.ProcessEnv = process.env): GoEnvironment {
  return {
    goBinary: env.CXOPS_GO ?? 'go',
    env: {
      ...env,
      CGO_ENABLED: '0',
      // Never switch Go versions behind the user's back; a too-old Go is reported instead.
      GOTOOLCHAIN: env.GOTOOLCHAIN ?? 'local',
      GOFLAGS: [env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' '),
    },
  };
}

export async function requireGo(go: GoEnvironment): Promise<string> {
  const found = await which(go.goBinary, go.env);
  if (!found) {
    throw new CxError({
      action: 'build the toolchain',
      reason: `the Go command (${go.goBinary}) is not installed or not on PATH`,
      fix: 'install Go 1.26 or newer (https://go.dev/doc/install, or your package manager) and run `npx cxops toolchain` again; or point CXOPS_GO at a go binary',
      exitCode: EXIT.unavailable,
    });
  }
  const version = await run(found, ['version'], { env: go.env });
  const match = /go(\d+)\.(\d+)/.exec(version.stdout);
  if (!match || Number(match[1]) < 1 || (Number(match[1]) === 1 && Number(match[2]) < 26)) {
    throw new CxError({
      action: 'build the toolchain',
      reason: `Go 1.26 or newer is needed, found "${version.stdout.trim() || version.stderr.trim()}"`,
      where: found,
      fix: 'upgrade Go to 1.26 or newer',
      exitCode: EXIT.unavailable,
    });
  }
  return found;
}

/** Builds the error for a failed `go build`/`go install`, telling a download failure from a compile failure. */
export function goFailure(what: string, command: string[], result: RunResult): CxError {
  const output = `${result.stderr}\n${result.stdout}`.trim();
  const download = classifyDownloadFailure(output);
  if (download) {
    return new CxError({
      action: `download ${what}`,
      reason: download,
      where: command.join(' '),
      fix: 'make sure this machine reaches the Go module proxy (GOPROXY), or that the pinned module version is served there; then run `npx cxops toolchain` again',
      output,
      exitCode: EXIT.unavailable,
    });
  }
  return new CxError({
    action: `build ${what}`,
    reason: `go exited with code ${result.exitCode}`,
    where: command.join(' '),
    fix: 'read the compiler output below; a partial build was discarded, so running `npx cxops toolchain` again starts clean',
    output,
  });
}

const DOWNLOAD_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/module lookup disabled by GOPROXY=off/, () => 'module downloads are disabled (GOPROXY=off)'],
  [/reading (\S+): (\d{3} [^\n]*)/, (m) => `the module proxy answered ${m[2]} for ${m[1]}`],
  [/dial tcp[^\n]*: ([^\n]+)/, (m) => `the module proxy cannot be reached (${m[1]})`],
  [/no such host/, () => 'the module proxy cannot be resolved (no such host)'],
  [/missing go\.sum entry[^\n]*/, (m) => `go.sum lacks an entry (${m[0]})`],
  [/unknown revision|invalid version[^\n]*/, (m) => `the pinned version does not exist (${m[0]})`],
];

export function classifyDownloadFailure(output: string): string | undefined {
  for (const [pattern, describe] of DOWNLOAD_PATTERNS) {
    const match = pattern.exec(output);
    if (match) return describe(match);
  }
  return undefined;
}
