// cxops: one entry point, one subcommand per job. main() only wires commands; each lives in commands/.
import { Command, CommanderError } from 'commander';
import { EXIT } from '@cxops/core';
import { registerToolchain } from './commands/toolchain.ts';
import { registerStack } from './commands/stack.ts';
import { registerDemo } from './commands/demo.ts';
import { registerFmt } from './commands/fmt.ts';
import { registerEmulator } from './commands/emulator.ts';
import { registerReview } from './commands/review.ts';
import { registerComment } from './commands/comment.ts';
import { registerTerraform } from './commands/terraform.ts';
import { reportError } from './output.ts';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('cxops')
    .description('GitOps for Genesys Cloud: plan, assert, apply and watch department environments')
    .showHelpAfterError()
    .exitOverride();
  registerToolchain(program, setExit);
  registerStack(program, setExit);
  registerDemo(program, setExit);
  registerFmt(program, setExit);
  registerEmulator(program, setExit);
  registerTerraform(program, setExit);
  registerReview(program, setExit);
  registerComment(program);
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
    return reportError({ json: argv.includes('--json') }, error);
  }
}
