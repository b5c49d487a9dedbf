// `cxops onboard`: bring an existing org under this repository — the org and department roots with their data,
// flow YAML and import blocks, and a report of everything the modules cannot represent.
import type { Command } from 'commander';
import { createProgress, EXIT } from '@cxops/core';
import { emit } from '../output.ts';

interface OnboardFlags {
  org: 'emulated' | 'live';
  apiUrl?: string;
  region?: string;
  mapping?: string;
  out?: string;
  force?: boolean;
  adoptFlows?: boolean;
}

export function registerOnboard(program: Command, setExit: (code: number) => void): void {
  program
    .command('onboard')
    .description(
      'Read an existing org and write environments/org and one department root per division, with import blocks (imports.tf) and a report (dist/onboard/report.md)',
    )
    .option(
      '--org <which>',
      'emulated (the local stack, default) or live (GENESYSCLOUD_* credentials)',
      'emulated',
    )
    .option('--api-url <url>', "API base URL instead of the region's (a gateway) or the emulated org's")
    .option(
      '--region <region>',
      'Genesys Cloud region of a live org (default GENESYSCLOUD_REGION, else us-east-1)',
    )
    .option(
      '--mapping <file>',
      'JSON file: department folders, their divisions and name patterns, owners of single objects',
    )
    .option('--out <dir>', 'where the roots go (default environments/)')
    .option('--force', 'replace files that exist (main.tf, imports.tf, outputs.tf, flow YAML)')
    .option('--adopt-flows', 'also manage the Architect flows (their first apply republishes each once)')
    .action(async (opts: OnboardFlags, command: Command) => {
      const { onboard, summaryText } = await import('@cxops/onboard');
      if (opts.org !== 'emulated' && opts.org !== 'live') {
        process.stderr.write(`--org must be emulated or live, not '${String(opts.org)}'\n`);
        setExit(EXIT.failure);
        return;
      }
      const progress = createProgress();
      const { report, reportFile } = await progress.step('onboard the org', () =>
        onboard({
          org: opts.org,
          apiUrl: opts.apiUrl,
          region: opts.region,
          mappingFile: opts.mapping,
          outDir: opts.out,
          force: opts.force,
          adoptFlows: opts.adoptFlows,
          onStep: (message) => progress.info(message),
        }),
      );
      emit(command, { ...report, reportFile }, () => summaryText(report, reportFile));
    });
}
