/**
 * A registry of per-file rules for an own-data export (STYLE.md pattern 3): each file of
 * the export is read by the first rule that matches it, or listed as skipped with the
 * rule's reason. Files of one kind that come by the hundred (direct-message threads, media)
 * are summarised in one line with their count; every other file not read is listed by name.
 */
import { isMediaName } from '../archive/limits.js';
import type { RecordSink } from '../../store/records.js';
import type { Source, SourceEntry } from '../source.js';

/** One rule of an export's file registry. */
export interface FileRule<C> {
  /** `path` is the entry's name in the source, '/'-separated; `base` is its last segment, lower-cased */
  match(path: string, base: string): boolean;
  /** rules that read run in ascending order (the owner's profile first) */
  order?: number;
  /** reads the entry; absent for files that are recognised and deliberately not imported */
  read?(entry: SourceEntry, ctx: C): Promise<void>;
  /** why the file is not imported (rules without `read`) */
  skip?: string;
  /** files of a skipping rule are listed as one line per group: the group's name from the path ('messages/') */
  group?: (path: string) => string;
}

/** What a plan read and skipped. */
export interface PlanResult {
  /** files read, in reading order */
  read: SourceEntry[];
}

/**
 * Runs the rules over every entry of `source` (files are matched by name wherever they
 * sit: exports arrive zipped with or without a top folder): reads the matched files in
 * order, lists the others as skipped, and reports progress by bytes read.
 */
export async function runExportPlan<C>(source: Source, rules: readonly FileRule<C>[], ctx: C, sink: RecordSink): Promise<PlanResult> {
  const planned: Array<{ entry: SourceEntry; rule: FileRule<C>; index: number }> = [];
  const groups = new Map<string, { count: number; reason: string }>();
  const addGroup = (key: string, reason: string): void => {
    const g = groups.get(key) ?? { count: 0, reason };
    g.count++;
    groups.set(key, g);
  };
  source.entries.forEach((entry, index) => {
    const path = entry.name;
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const rule = rules.find((r) => r.match(path, base));
    if (rule?.read) planned.push({ entry, rule, index });
    else if (rule?.group) addGroup(`${rule.group(path)}\u0000${rule.skip ?? ''}`, rule.skip ?? 'not imported');
    else if (rule) sink.skippedFile(path, rule.skip ?? 'not imported');
    else if (isMediaName(base)) addGroup(`${topFolder(path)}\u0000media are not imported`, 'media are not imported');
    else sink.skippedFile(path, 'not used by influence');
  });
  for (const [key, g] of groups) {
    const label = key.slice(0, key.indexOf('\u0000'));
    sink.skippedFile(label, `${g.count} file${g.count === 1 ? '' : 's'}: ${g.reason}`);
  }
  planned.sort((a, b) => (a.rule.order ?? 5) - (b.rule.order ?? 5) || a.index - b.index);
  const total = planned.reduce((sum, p) => sum + p.entry.size, 0);
  let done = 0;
  for (const p of planned) {
    await p.rule.read!(p.entry, ctx);
    done += p.entry.size;
    sink.progress?.(done, total);
  }
  return { read: planned.map((p) => p.entry) };
}

/** The first folder of a path ('media/' for 'media/posts/1.jpg'), or './' for a file at the root. */
function topFolder(rel: string): string {
  const slash = rel.indexOf('/');
  return slash < 0 ? './' : `${rel.slice(0, slash)}/`;
}
