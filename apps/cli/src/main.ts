#!/usr/bin/env node
// `grader`: the command-line shell around the core packages. Each subcommand lives in its own module.
import { CliError } from './cli-error.ts';

const commands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  key: () => import('./commands/key.ts'),
  grade: () => import('./commands/grade.ts'),
  paper: () => import('./commands/paper.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: grader <${Object.keys(commands).join('|')}> [options]\n`);
    return 2;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Bad input is a one-line message, not a stack trace.
    const msg =
      err instanceof CliError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`grader: ${msg}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  },
);
