// One command per Nx target: `cxops <verb> <root>`. Each opens the root (engine, backend, provider target)
// and runs one job; the Nx plugin only wires these to projects.
import { mkdtemp, readFile, rm, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { CxError, EXIT, run, workspaceRoot } from '@cxops/core';
import { changeKind, loadPlan } from '@cxops/plan';
import { applyPlanFile, initRoot, planRoot, testRoot, validateRoot } from '@cxops/terraform';
import { binaryPath, toolchainLayout } from '@cxops/toolchain';
import { openRoot } from '../root-session.ts';
import { assessPlans } from '../review.ts';
import { planEnvironment } from '../plan-environment.ts';
import { emit, type OutputOptions } from '../output.ts';

type SetExit = (code: number) => void;

export function registerTerraform(program: Command, setExit: SetExit): void {
  program
    .command('init')
    .description('Initialise a root (environments: with the state backend; modules: without)')
    .argument('<root>', 'environments/<department>, a department name, or a module folder')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: true });
      await initRoot(session.engine, session.dir, session.init);
      process.stdout.write(`Initialised ${session.dir}.\n`);
    });

  program
    .command('validate')
    .description('tofu validate (no backend, no credentials)')
    .argument('<root>')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: false });
      await initRoot(session.engine, session.dir, session.init);
      process.stdout.write((await validateRoot(session.engine, session.dir, { env: session.env })).stdout);
    });

  program
    .command('test')
    .description('tofu test (mock_provider tests of a module)')
    .argument('<root>')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: false });
      await initRoot(session.engine, session.dir, session.init);
      process.stdout.write((await testRoot(session.engine, session.dir, { env: session.env })).stdout);
    });

  program
    .command('plan')
    .description(
      'Plan an environment: dist/plans/<env>/{tfplan,plan.json,summary.md,policy.json}; exit 1 when blocked or failed',
    )
    .argument('<root>')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none (as tofu plan does)')
    .option('--json', 'print the result as JSON')
    .action(async (root: string, opts: OutputOptions & { detailedExitcode?: boolean }) => {
      const session = await openRoot(root, { backend: true });
      const result = await planEnvironment(session);
      emit(
        opts,
        {
          environment: session.name,
          planFile: result.planFile,
          jsonFile: result.jsonFile,
          hasChanges: result.hasChanges,
          passed: result.report.passed,
          findings: result.report.findings,
        },
        () => result.summary,
      );
      setExit(
        !result.report.passed
          ? EXIT.failure
          : result.hasChanges && opts.detailedExitcode
            ? EXIT.changes
            : EXIT.ok,
      );
    });

  program
    .command('show')
    .description('Show the last plan of an environment (its summary)')
    .argument('<root>')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: false });
      const file = path.join(session.outDir, 'summary.md');
      if (!existsSync(file))
        throw new CxError({
          action: `show the plan of ${session.name}`,
          reason: 'it has not been planned yet',
          fix: `run \`npx cxops plan ${root}\``,
        });
      process.stdout.write(await readFile(file, 'utf8'));
    });

  program
    .command('apply')
    .description(
      'Apply the reviewed plan of an environment (dist/plans/<env>/tfplan), only if its policies pass',
    )
    .argument('<root>')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: true });
      const planFile = path.join(session.outDir, 'tfplan');
      const jsonFile = path.join(session.outDir, 'plan.json');
      if (!existsSync(planFile) || !existsSync(jsonFile)) {
        throw new CxError({
          action: `apply ${session.name}`,
          reason: 'there is no reviewed plan',
          fix: `run \`npx cxops plan ${root}\` and review it first`,
        });
      }
      const { report } = await assessPlans([jsonFile]);
      if (!report.passed) {
        throw new CxError({
          action: `apply ${session.name}`,
          reason: `${report.blocking.length} blocking policy finding(s)`,
          fix: 'see dist/plans/<env>/summary.md; fix the code or add a reviewed override, then plan again',
        });
      }
      await initRoot(session.engine, session.dir, session.init);
      process.stdout.write(
        (await applyPlanFile(session.engine, session.dir, planFile, { env: session.env })).stdout,
      );
    });

  program
    .command('drift')
    .description('Refresh-only plan: what changed outside code since the last apply; exit 2 on drift')
    .argument('<root>')
    .option('--json', 'print the drifted resources as JSON')
    .action(async (root: string, opts: OutputOptions) => {
      const session = await openRoot(root, { backend: true });
      await initRoot(session.engine, session.dir, session.init);
      const planned = await planRoot(session.engine, session.dir, session.outDir, {
        env: session.env,
        mode: 'refresh-only',
      });
      const { plan } = await loadPlan(planned.jsonFile);
      const drifted = (plan.resource_drift ?? []).map((rc) => ({
        address: rc.address,
        kind: changeKind(rc.change),
      }));
      emit(opts, { environment: session.name, drifted, planJson: planned.jsonFile }, () =>
        drifted.length
          ? `Drift in ${session.name}:\n${drifted.map((d) => `  ${d.address}: ${d.kind} outside code`).join('\n')}`
          : `No drift in ${session.name}.`,
      );
      setExit(drifted.length || planned.hasChanges ? EXIT.changes : EXIT.ok);
    });

  program
    .command('lint')
    .description('tflint with the bundled terraform ruleset and the repository .tflint.hcl')
    .argument('<root>')
    .action(async (root: string) => {
      const session = await openRoot(root, { backend: false });
      const config = path.join(workspaceRoot(), '.tflint.hcl');
      const args = [
        '--chdir',
        session.dir,
        '--format',
        'compact',
        ...(existsSync(config) ? ['--config', config] : []),
      ];
      const result = await run(binaryPath(toolchainLayout(), 'tflint'), args, {
        env: { ...process.env, TFLINT_DISABLE_VERSION_CHECK: '1' },
      });
      process.stdout.write(result.stdout);
      if (result.exitCode !== 0)
        throw new CxError({
          action: `lint ${session.dir}`,
          reason: `tflint found problems (exit ${result.exitCode})`,
          output: result.stdout + result.stderr,
          fix: 'fix the issues listed above',
        });
    });

  program
    .command('docs')
    .description('Generate the README tables with terraform-docs, or --check that they are current')
    .argument('<root>')
    .option('--check', 'fail (exit 1) when README.md is stale instead of rewriting it')
    .action(async (root: string, opts: { check?: boolean }) => {
      const session = await openRoot(root, { backend: false });
      const readme = path.join(session.dir, 'README.md');
      const terraformDocs = binaryPath(toolchainLayout(), 'terraform-docs');
      const render = async (target: string) => {
        const result = await run(terraformDocs, [
          'markdown',
          'table',
          '--output-file',
          target,
          '--output-mode',
          'inject',
          session.dir,
        ]);
        if (result.exitCode !== 0)
          throw new CxError({
            action: `generate docs for ${session.dir}`,
            reason: 'terraform-docs failed',
            output: result.stderr,
          });
      };
      if (!opts.check) {
        await render(readme);
        process.stdout.write(`Updated ${readme}.\n`);
        return;
      }
      const scratch = await mkdtemp(path.join(os.tmpdir(), 'cxops-docs-'));
      try {
        const copy = path.join(scratch, 'README.md');
        if (existsSync(readme)) await copyFile(readme, copy);
        await render(copy);
        const [current, fresh] = await Promise.all([
          readFile(readme, 'utf8').catch(() => ''),
          readFile(copy, 'utf8'),
        ]);
        if (current !== fresh) {
          setExit(EXIT.failure);
          process.stderr.write(`${readme} is stale: run \`npx cxops docs ${root}\` and commit the result.\n`);
        } else process.stdout.write(`${readme} is current.\n`);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    });
}
