/**
 * `influence eval --engagement FILE --split DATE [--window N]`: reads a generic interactions
 * CSV (actor,target,kind,created_at), builds the engine's Dataset from it in memory, and
 * reports how the score as of the split ranks the distinct engagers each account receives
 * after it (engine/engagement-split.ts). Thin: parsing and I/O only.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError, UsageError } from '../errors.js';
import { KIND_CODES, type KindName } from '../engine/dataset.js';
import { datasetFromInteractions, evaluateEngagement, splitEngagement, type InteractionRow } from '../engine/engagement-split.js';
import type { Model } from '../engine/model.js';
import type { EngagementEvalReport } from '../render/eval-text.js';

/** Parses the interactions CSV; a bad row is an InputError naming its line and field. */
export function parseInteractionsCsv(text: string, file: string): InteractionRow[] {
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const head = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new InputError(`missing column ${name}`, { file, line: 1, field: name, expected: 'a header actor,target,kind,created_at', fix: 'convert the file (e.g. scripts/konect-to-interactions.ts for KONECT edge lists)' });
    return i;
  };
  const [ia, it, ik, ic] = [col('actor'), col('target'), col('kind'), col('created_at')];
  const out: InteractionRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    const actor = row[ia] ?? '';
    const target = row[it] ?? '';
    const kind = (row[ik] ?? '').toLowerCase();
    const raw = row[ic] ?? '';
    const t = /^\d+$/.test(raw) ? Number(raw) * (raw.length <= 10 ? 1000 : 1) : Date.parse(raw);
    if (actor === '' || target === '') throw new InputError('actor and target are required', { file, line, field: actor === '' ? 'actor' : 'target', expected: 'a handle', fix: 'fill it in or remove the row' });
    if (!(KIND_CODES as readonly string[]).includes(kind)) throw new InputError(`unknown kind ${JSON.stringify(kind)}`, { file, line, field: 'kind', expected: KIND_CODES.join(', '), fix: 'use one of the kinds' });
    if (!Number.isFinite(t)) throw new InputError(`not a time: ${JSON.stringify(raw)}`, { file, line, field: 'created_at', expected: 'an ISO date-time or Unix seconds', fix: 'correct the time' });
    out.push({ actor, target, kind: kind as KindName, createdAt: t });
  }
  if (out.length === 0) throw new InputError('no interactions in the file', { file, expected: 'rows under the header', fix: 'add rows' });
  return out;
}

/** Runs the evaluation for `eval --engagement`. */
export function runEngagementEval(file: string, fullPath: string, split: string | undefined, windowFlag: string | undefined, model: Model): EngagementEvalReport {
  if (split === undefined) throw new UsageError('--engagement needs --split DATE', 'e.g. --split 2008-11-06 (the late period starts at that instant, UTC)');
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(split) ? `${split}T00:00:00Z` : split);
  if (!Number.isFinite(at)) throw new UsageError(`--split: not a date: ${JSON.stringify(split)}`, 'use an ISO date such as 2008-11-06');
  const windowDays = Number(windowFlag ?? '90');
  if (!(windowDays > 0)) throw new UsageError(`--window: expected a positive number of days, got ${JSON.stringify(windowFlag)}`);
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`, 'check the path');
  }
  const ds = datasetFromInteractions(parseInteractionsCsv(text, file));
  const rep = evaluateEngagement(splitEngagement(ds, at, windowDays, model));
  return { schema: 1, model: model.version, ...rep, asOf: new Date(rep.asOf).toISOString(), split: new Date(rep.split).toISOString() };
}
