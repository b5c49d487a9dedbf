import type { Command } from 'commander';
import { createProgress, silentProgress } from '@cxops/core';
import { ensureToolchain, formatReport, toolchainLayout } from '@cxops/toolchain';
import { emit, type OutputOptions } from '../output.ts';

export function registerToolchain(program: Command, setExit: (code: number) => void): void {
  program
    .command('toolchain')
    .description(
      'Build or verify the offline toolchain (tofu, genesyscloud provider mirror, versitygw, tflint, terraform-docs) from pinned Go modules',
    )
    .option('--dir <path>', 'toolchain folder (default: .toolchain, or CXOPS_TOOLCHAIN_DIR)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Settings (environment):
  CXOPS_TOOLCHAIN_DIR           where the toolchain lives (default <repo>/.toolchain)
  CXOPS_GENESYSCLOUD_PROVIDER   path of a terraform-provider-genesyscloud binary to mirror instead of building it
  CXOPS_PROVIDER_INSTALL        mirror (default, offline) | registry (tofu/terraform installs from the public registry)
  CXOPS_TF_BINARY               use another engine: tofu | terraform | /path/to/binary (must be >= 1.10)
  CXOPS_GO                      the go binary (default: go on PATH)

Exit codes: 0 everything present, 1 a build failed, 3 something this machine cannot provide (message says how to fix).`,
    )
    .action(async (opts: OutputOptions & { dir?: string }) => {
      const report = await ensureToolchain({
        layout: toolchainLayout(opts.dir),
        progress: opts.json ? silentProgress() : createProgress(),
      });
      emit(opts, report, () => formatReport(report));
      setExit(report.exitCode);
    });
}
