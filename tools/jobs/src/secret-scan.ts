// The secret scan of what is about to be committed: gitleaks (built by the toolchain) over the staged changes,
// with the repository's rules (.gitleaks.toml: its defaults, Genesys Cloud OAuth clients, AWS keys). Findings
// name the file, line and rule; the secret itself is never printed, not even in part, and never written:
// gitleaks redacts it from its own report.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CxError, EXIT, run, workspaceRoot } from '@cxops/core';
import { binaryPath, toolchainLayout } from '@cxops/toolchain';

export const GITLEAKS_CONFIG = '.gitleaks.toml';

export interface SecretFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  description: string;
  /** gitleaks' fingerprint (file:rule:line), for .gitleaksignore when a finding is a false alarm. */
  fingerprint: string;
}

export interface SecretScan {
  ok: boolean;
  findings: SecretFinding[];
  seconds: number;
}

interface GitleaksFinding {
  RuleID: string;
  Description: string;
  File: string;
  StartLine: number;
  StartColumn: number;
  Fingerprint: string;
}

/**
 * Scans the staged changes of the repository at `repo` (default: the workspace). With `files`, only findings
 * in those files count (lint-staged passes the staged files it matched).
 */
export async function scanStagedSecrets(
  options: { repo?: string; files?: string[] } = {},
): Promise<SecretScan> {
  const started = Date.now();
  const repo = options.repo ?? workspaceRoot();
  const gitleaks = binaryPath(toolchainLayout(), 'gitleaks');
  if (!existsSync(gitleaks))
    throw new CxError({
      action: 'scan the staged changes for secrets',
      reason: `gitleaks is not in the toolchain (${gitleaks})`,
      fix: 'run `npx cxops toolchain` (it builds gitleaks with the other tools)',
      exitCode: EXIT.unavailable,
    });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cxops-gitleaks-'));
  const report = path.join(dir, 'report.json');
  try {
    const config = path.join(repo, GITLEAKS_CONFIG);
    const args = [
      'git',
      '--staged',
      '--no-banner',
      '--no-color',
      '--redact',
      '--log-level',
      'error',
      '--report-format',
      'json',
      '--report-path',
      report,
      '--exit-code',
      '1',
      ...(existsSync(config) ? ['--config', config] : []),
      repo,
    ];
    const result = await run(gitleaks, args, { cwd: repo });
    if (result.exitCode !== 0 && result.exitCode !== 1)
      throw new CxError({
        action: 'scan the staged changes for secrets',
        reason: `gitleaks exited with code ${result.exitCode}`,
        where: `${gitleaks} ${args.join(' ')}`,
        fix: 'check .gitleaks.toml (a rule that does not parse stops the scan)',
        output: result.stderr,
      });
    const raw = existsSync(report)
      ? (JSON.parse((await readFile(report, 'utf8')) || '[]') as GitleaksFinding[])
      : [];
    const wanted = options.files?.map((f) => relativeTo(repo, f));
    const findings = raw
      .map(
        (f): SecretFinding => ({
          file: f.File,
          line: f.StartLine,
          column: f.StartColumn,
          rule: f.RuleID,
          description: f.Description,
          fingerprint: f.Fingerprint,
        }),
      )
      .filter((f) => !wanted || wanted.includes(f.file))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
    return { ok: findings.length === 0, findings, seconds: (Date.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function relativeTo(repo: string, file: string): string {
  return (path.isAbsolute(file) ? path.relative(repo, file) : file).split(path.sep).join('/');
}
