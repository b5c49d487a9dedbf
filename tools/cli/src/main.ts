// cxops: one entry point, one subcommand per job. main() only wires commands; each lives in commands/ and is
// parse → one package call → print. Each action imports its packages itself (`await import(...)`): a command
// loads only what it runs, `--help` loads none of them, and the build puts each in a chunk of its own.
import { Command, CommanderError } from 'commander';
import { EXIT } from '@cxops/core';
import { registerAffected } from './commands/affected.ts';
import { registerApply } from './commands/apply.ts';
import { registerComment } from './commands/comment.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDrift } from './commands/drift.ts';
import { registerEmulator } from './commands/emulator.ts';
import { registerEnvironmentCommands } from './commands/environment.ts';
import { registerFmt } from './commands/fmt.ts';
import { registerOnboard } from './commands/onboard.ts';
import { registerPlanCommands } from './commands/plans.ts';
import { registerPrecommit } from './commands/precommit.ts';
import { registerReview } from './commands/review.ts';
import { registerRootChecks } from './commands/root-checks.ts';
import { registerStack } from './commands/stack.ts';
import { registerState } from './commands/state.ts';
import { registerToolchain } from './commands/toolchain.ts';
import { reportError } from './output.ts';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('cxops')
    .description('GitOps for Genesys Cloud: plan, assert, apply and watch department environments')
    .option('--json', 'print one JSON document on stdout (errors too), for machines')
    .showHelpAfterError()
    .exitOverride();
  registerToolchain(program, setExit);
  registerStack(program, setExit);
  registerDemo(program, setExit);
  registerFmt(program, setExit);
  registerEmulator(program, setExit);
  registerEnvironmentCommands(program, setExit);
  registerApply(program, setExit);
  registerRootChecks(program, setExit);
  registerPlanCommands(program, setExit);
  registerComment(program);
  registerOnboard(program, setExit);
  registerAffected(program);
  registerReview(program);
  registerPrecommit(program, setExit);
  registerDrift(program, setExit);
  registerState(program, setExit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => (exitCode = Math.max(exitCode, code)));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    return reportError(argv.includes('--json'), error);
  }
}
