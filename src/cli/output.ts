/**
 * One renderer table per command: each command says which outputs it has
 * (`{json, csv, plain, tty}`) and writes its view through it; nothing else branches on the
 * output mode. A command without a CSV form refuses `--csv` (exit 2) before doing any work.
 */
import { UsageError } from '../errors.js';
import { toJson } from '../render/json.js';
import type { Theme } from '../render/output-mode.js';
import type { CommandContext } from './context.js';

/** The outputs of one command, as pure formatters of its view. */
export interface Renderers<V> {
  /** default: the view as stable JSON */
  json?: (view: V) => string;
  csv?: (view: V) => string;
  /** null: nothing on stdout (the command's messages on stderr say it all) */
  plain: (view: V, theme: Theme) => string | null;
  /** the rich terminal view (default: plain with colour); may load ink lazily */
  tty?: (view: V, theme: Theme, columns: number) => string | null | Promise<string | null>;
}

/** A command's output, checked against the mode up front. */
export interface Output<V> {
  write(view: V): Promise<void>;
}

/** Checks that the command has the requested output (a UsageError naming the ones it has) and returns its writer. */
export function outputOf<V>(ctx: CommandContext, command: string, renderers: Renderers<V>): Output<V> {
  if (ctx.mode === 'csv' && !renderers.csv) {
    throw new UsageError(`\`${command}\` has no CSV output; it writes ${describeOutputs(renderers)}`, 'use --json for machine-readable output, or --plain for text');
  }
  return {
    async write(view) {
      const text = await render(ctx, renderers, view);
      ctx.progress.done();
      if (text !== null) ctx.out(text);
    },
  };
}

/** The outputs a command has, as a phrase for messages: "text (--plain, a rich view on a terminal) and --json". */
export function describeOutputs<V>(renderers: Renderers<V>): string {
  const text = renderers.tty ? 'text (--plain, a rich view on a terminal)' : 'text (--plain)';
  return `${text}, --json${renderers.csv ? ' and --csv' : ''}`;
}

async function render<V>(ctx: CommandContext, renderers: Renderers<V>, view: V): Promise<string | null> {
  switch (ctx.mode) {
    case 'json':
      return renderers.json ? renderers.json(view) : toJson(view);
    case 'csv':
      return renderers.csv!(view);
    case 'tty':
      return renderers.tty ? renderers.tty(view, ctx.theme, ctx.io.stdout.columns ?? 80) : renderers.plain(view, ctx.theme);
    default:
      return renderers.plain(view, ctx.theme);
  }
}
