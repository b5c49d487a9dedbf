import type { Command } from 'commander';
import { createProgress, silentProgress } from '@cxops/core';
import { emit, wantsJson } from '../output.ts';

export function registerToolchain(program: Command, setExit: (code: number) => void): void {
  program
    .command('toolchain')
    .description(
      'Build or verify the offline toolchain: tofu, versitygw, tflint, terraform-docs, actionlint, and the genesyscloud provider mirror (built from its source archives)',
    )
    .option('--dir <path>', 'toolchain folder (default: .toolchain, or CXOPS_TOOLCHAIN_DIR)')
    .addHelpText(
      'after',
      `
Settings (environment):
  CXOPS_TOOLCHAIN_DIR           where the toolchain lives (default <repo>/.toolchain)
  CXOPS_GENESYSCLOUD_PROVIDER   path of a terraform-provider-genesyscloud binary to mirror instead of building it
  CXOPS_GENESYSCLOUD_PROVIDER_SOURCE
                                folder of the provider's source archives (default: shared/vendor/genesyscloud-provider
                                beside the repository or one of its parents)
  CXOPS_PROVIDER_INSTALL        mirror (default, offline) | registry (tofu/terraform installs from the public registry)
  CXOPS_TF_BINARY               use another engine: tofu | terraform | /path/to/binary (must be >= 1.10)
  CXOPS_GO                      the go binary (default: go on PATH)

Exit codes: 0 everything present, 1 a build failed, 3 something this machine cannot provide (message says how to fix).`,
    )
    .action(async (opts: { dir?: string }, command: Command) => {
      const { ensureToolchain, formatReport, toolchainLayout } = await import('@cxops/toolchain');
      const report = await ensureToolchain({
        layout: toolchainLayout(opts.dir),
        progress: wantsJson(command) ? silentProgress() : createProgress(),
      });
      emit(command, report, () => formatReport(report));
      setExit(report.exitCode);
    });
}
