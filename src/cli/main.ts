/**
 * The whole CLI as a function: parse argv, run one command, map every error to an exit
 * code in this one place (0 ok, 1 a check or threshold failed, 2 usage/input/internal).
 * Nothing below cli/ writes to the console or exits.
 */
import { Command, CommanderError, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import { CheckFailed, InputError, StoreError, UsageError } from '../errors.js';
import { formatInputError } from './format-error.js';
import type { Io } from './io.js';
import { visibleText } from '../render/sanitize.js';
import { VERSION } from '../version.js';
import { clearStatusLine } from './progress.js';
import { removeReadCopies } from '../store/read-place.js';

// the real process's Io (bin/influence.js): a closed stdout ends the command quietly
export { processIo } from './process-io.js';

export const EXIT = { ok: 0, failed: 1, error: 2 } as const;

/**
 * Builds the commander program with global flags that also work after the command name.
 * Given `argv`, it registers only the command argv names, when it names one (see
 * commands/index.ts); without, or for help or anything unrecognised, every command.
 */
export async function buildProgram(io: Io, argv?: readonly string[]): Promise<Command> {
  const program = new Command('influence')
    .description('Offline, transparent social influence scores from exported activity')
    .version(VERSION)
    .addOption(new Option('--db <path>', 'SQLite database (default: $INFLUENCE_DB or ./influence.db)'))
    .option('--json', 'machine-readable JSON on stdout (schema 1)')
    .option('--csv', 'CSV on stdout, where the command has a table')
    .option('--plain', 'plain text, no colour or boxes (the default when piped)')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option('-q, --quiet', 'no progress or info messages on stderr')
    .showHelpAfterError('(run with --help for usage)')
    // every command's --help lists these global flags too (commands inherit this setting)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  const named = argv === undefined ? undefined : commandNameOf(argv);
  const only = COMMANDS.filter((c) => c.name === named);
  const registers = await Promise.all((only.length ? only : COMMANDS).map((c) => c.load()));
  for (const register of registers) register(program, io);
  // Subcommands inherit exit override and output routing.
  for (const cmd of program.commands) applyRouting(cmd, io);
  return program;
}

/**
 * The first word of `argv` that is neither a global flag nor the value of `--db` (the one
 * global flag with a separate value): the command's name when the user named one.
 */
function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function applyRouting(cmd: Command, io: Io): void {
  cmd.exitOverride().configureOutput({
    writeOut: (s) => void io.stdout.write(s),
    writeErr: (s) => void io.stderr.write(s),
  });
  for (const sub of cmd.commands) applyRouting(sub, io);
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let program: Command;
  try {
    program = await buildProgram(io, argv);
  } catch (err) {
    return reportError(err, io);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  } finally {
    // temporary copies of a database in a folder that cannot be written (store/read-place.ts)
    removeReadCopies();
  }
}

function reportError(err: unknown, io: Io): number {
  // an error after a stage started (an unknown handle once a big database is analysed) gets its own line
  clearStatusLine(io);
  if (err instanceof CommanderError) {
    // help and version exit with code 0; commander already printed usage problems
    return err.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (err instanceof CheckFailed) {
    io.stderr.write(`${visibleText(err.message)}\n`);
    return EXIT.failed;
  }
  if (err instanceof InputError) {
    io.stderr.write(`${formatInputError(err)}\n`);
    return EXIT.error;
  }
  if (err instanceof UsageError || err instanceof StoreError) {
    io.stderr.write(`error: ${visibleText(err.message)}\n${err.fix ? `  fix: ${visibleText(err.fix)}\n` : ''}`);
    return EXIT.error;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`internal error: ${visibleText(e.message)}\n`);
  if (io.env['INFLUENCE_DEBUG']) io.stderr.write(`${e.stack ?? ''}\n`);
  return EXIT.error;
}
