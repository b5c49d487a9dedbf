// `cxops onboard`: read the org, decide who owns what, map each root's data, write the roots with their import
// blocks, and report — with the time it took and the API calls it made.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic, workspaceRoot } from '@cxops/core';
import type { PlatformClient } from './api-client.ts';
import { Findings } from './findings.ts';
import { mapDepartment } from './map-department.ts';
import { mapOrg } from './map-org.ts';
import { readMappingFile, type MappingFile } from './mapping-file.ts';
import { assignOwners } from './ownership.ts';
import { readOrg } from './read-org.ts';
import { renderRoot } from './render.ts';
import { renderReport, type OnboardReport } from './report.ts';
import { openSource, type SourceOptions } from './source.ts';
import { writeRoots } from './write.ts';

export interface OnboardOptions extends SourceOptions {
  /** Where the roots go (default: environments/ of the workspace). */
  outDir?: string;
  mappingFile?: string;
  force?: boolean;
  adoptFlows?: boolean;
  /** Where report.md and report.json go (default dist/onboard). */
  reportDir?: string;
  /** A client to use instead of opening one (tests). */
  client?: PlatformClient;
  onStep?: (message: string) => void;
  pollMs?: number;
}

export interface OnboardResult {
  report: OnboardReport;
  reportFile: string;
}

export async function onboard(options: OnboardOptions = {}): Promise<OnboardResult> {
  const started = performance.now();
  const step = options.onStep ?? (() => {});
  const outDir = path.resolve(options.outDir ?? path.join(workspaceRoot(), 'environments'));
  const mapping: MappingFile = options.mappingFile ? await readMappingFile(options.mappingFile) : {};
  const source = options.client
    ? { client: options.client, description: 'the org' }
    : await openSource(options);
  const client = source.client;
  step(`reading ${source.description}`);
  const snapshot = await readOrg(client, { onStep: step, pollMs: options.pollMs });
  const seconds = (performance.now() - started) / 1000;

  const findings = new Findings();
  const ownership = assignOwners(snapshot, mapping, findings, options.mappingFile);
  const adoptFlows = options.adoptFlows ?? false;
  const roots = [
    mapOrg(snapshot, ownership, findings),
    ...ownership.departments.map((d) => mapDepartment(d, snapshot, ownership, findings, { adoptFlows })),
  ];
  const modulesDir = path.join(workspaceRoot(), 'modules');
  const files = roots.map((root) => ({
    folder: root.folder,
    files: renderRoot(root, {
      rootDir: path.join(outDir, root.folder),
      modulesDir,
      source: source.description,
    }),
  }));
  const { written, strays } = await writeRoots(outDir, files, options.force ?? false);
  step(`wrote ${written.length} files under ${outDir}`);

  const report: OnboardReport = {
    source: source.description,
    token: client.tokenFingerprint,
    adoptFlows,
    outDir,
    roots: roots.map((r) => ({
      folder: r.folder,
      division: r.division,
      counts: r.counts,
      imports: r.imports.reduce((sum, g) => sum + Object.keys(g.ids).length, 0),
    })),
    findings: findings.list,
    strays,
    written,
    seconds,
    apiCalls: {
      total: client.totalCalls,
      rateLimited: client.rateLimited,
      byRoute: Object.fromEntries(client.calls),
    },
  };
  const reportDir = options.reportDir ?? path.join(workspaceRoot(), 'dist', 'onboard');
  const reportFile = path.join(reportDir, 'report.md');
  await writeFileAtomic(reportFile, renderReport(report));
  await writeFileAtomic(path.join(reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { report, reportFile };
}
