/**
 * Regenerates the bundled sample data in fixtures/sample/ (synthetic, deterministic):
 *
 *   npx tsx scripts/make-sample.ts [--out fixtures/sample]
 *
 * Writes accounts.csv, posts.csv, interactions.csv, follows.csv, truth.json and README.md.
 * Same code, same files, byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../tools/sim/config.js';
import { computeTruth, type Truth } from '../tools/sim/truth.js';
import { generateWorld } from '../tools/sim/world.js';
import { writeGenericTables, writeTruth, type WriteSummary } from '../tools/sim/write-generic.js';

function main(argv: string[]): void {
  const k = argv.indexOf('--out');
  const out = k >= 0 && argv[k + 1] ? argv[k + 1]! : 'fixtures/sample';
  const config = resolveConfig('sample');
  const world = generateWorld(config);
  const summary = writeGenericTables(world, out);
  const truth = computeTruth(world);
  const truthBytes = writeTruth(world, join(out, 'truth.json'), truth);
  writeFileSync(join(out, 'README.md'), renderReadme(summary, truth, truthBytes));
  const total = Object.values(summary.bytes).reduce((s, b) => s + b, 0) + truthBytes;
  process.stdout.write(`${JSON.stringify({ out, rows: summary.rows, bytes: total })}\n`);
}

function handlesOf(truth: Truth, persona: string, limit = 6): string {
  const hs = truth.accounts.filter((a) => a.persona === persona).map((a) => `@${a.handle}`);
  return hs.length > limit ? `${hs.slice(0, limit).join(', ')} (+${hs.length - limit})` : hs.join(', ');
}

function topBy(truth: Truth, f: (a: Truth['accounts'][number]) => number, n: number): string {
  return [...truth.accounts]
    .filter((a) => a.archetype === 'ordinary')
    .sort((x, y) => f(y) - f(x))
    .slice(0, n)
    .map((a) => `@${a.handle} (${a.persona})`)
    .join(', ');
}

function renderReadme(s: WriteSummary, truth: Truth, truthBytes: number): string {
  const c = truth.config;
  const count = (p: string) => truth.accounts.filter((a) => a.persona === p).length;
  const kb = (b: number) => `${Math.round(b / 1024)} KB`;
  const pods = truth.groups.filter((g) => g.kind === 'pod');
  const communities = truth.groups.filter((g) => g.kind === 'community');
  const serial = truth.groups.filter((g) => g.kind === 'serial');
  const withTopics = truth.accounts.filter((a) => a.topics.length > 0).length;
  const once = truth.accounts.filter((a) => a.onceTopics.length > 0).length;
  return `# Sample data (synthetic)

Bundled demo data for \`influence demo\` and the tests: a small synthetic social network in
the project's generic tables. **Every account, post and interaction here is made up** by the
project's simulator (\`tools/sim/\`); any resemblance of a handle to a real account is
coincidental. Nothing was collected from any network.

## How it was made

\`\`\`
npx tsx scripts/make-sample.ts
\`\`\`

Preset \`sample\` (\`tools/sim/config.ts\`), seed ${c.seed}, export date (asOf)
${truth.asOf}, ${c.historyDays} days of history. Deterministic: the same command writes
the same bytes. The simulator also plays the ${c.futureDays} days after asOf; those events
are not in the tables, only in \`truth.json\` (what each account went on to receive).

## Files

| file | rows | size | columns |
|---|---:|---:|---|
| accounts.csv | ${s.rows.accounts} | ${kb(s.bytes['accounts.csv']!)} | handle,network,display_name,bio,followers,following,posts,listed,verified,created_at |
| posts.csv | ${s.rows.posts} | ${kb(s.bytes['posts.csv']!)} | id,author,created_at,text,reply_to,reply_to_author,reshare_of,reshare_of_author,likes,reshares,replies |
| interactions.csv | ${s.rows.interactions} | ${kb(s.bytes['interactions.csv']!)} | actor,target,kind,created_at,post_id |
| follows.csv | ${s.rows.follows} | ${kb(s.bytes['follows.csv']!)} | follower,followee,created_at |
| truth.json | ${truth.accounts.length} accounts | ${kb(truthBytes)} | ground truth, see below |

- Times are ISO-8601 UTC (\`2026-02-14T19:03:27Z\`); post ids are 19-digit strings (above
  2^53: keep them as text). \`network\` is \`${c.network}\`.
- posts.csv holds originals, replies (\`reply_to\`, \`reply_to_author\`), reshares
  (\`reshare_of\`, \`reshare_of_author\`, carrying the original's text), quotes (a comment
  with the quoted post's \`https://x.com/<author>/status/<id>\` link) and mentions
  (\`@handle\` in the text). Reply texts do not repeat the \`@author\`.
- Declared \`likes\`, \`reshares\`, \`replies\` are filled for about half of the accounts
  (as some exports have them and others do not) and then equal the events in the tables;
  blank means unknown, not zero.
- interactions.csv holds what no post shows: likes (\`post_id\` = the liked post) and
  follow/unfollow events (no \`post_id\`). It also repeats every quote and ${Math.round(c.replyEventsShare * 100)}% of
  replies (\`post_id\` = the actor's own post, the same id as in posts.csv): the same event
  given both ways, which must count once.
- follows.csv is the follow graph at asOf; \`created_at\` is blank for about ${Math.round((1 - c.followTimesShare) * 100)}% of edges
  (exports often lack it).
- Text includes Spanish, Japanese, Arabic and Russian posts, emoji, multi-line posts and
  bios, commas and quotes (RFC 4180 quoting), and replies starting with \`+\` or \`-\`.

## Who is in it

${truth.accounts.length} accounts: ${count('everyday')} everyday posters, ${count('lurker')} lurkers (read and like,
rarely post), ${count('expert')} niche experts (small audiences, high engagement, 1-3 true topics),
${count('celebrity')} celebrities (huge audiences, low engagement per follower), ${count('rising')} rising accounts,
${count('prolific')} prolific-but-real poster, ${communities.length} small tight communities of friends
(${communities.map((g) => g.members.length).join(' and ')} accounts), and planted gaming:

| planted | accounts |
|---|---|
| follow-back farms | ${handlesOf(truth, 'farm')} |
| bots (round the clock, metronomic, last ${c.botActiveDays} days) | ${handlesOf(truth, 'bot')} |
| engagement pods | ${pods.map((g) => `${g.members.length} accounts (${g.members.slice(0, 3).map((h) => `@${h}`).join(', ')}, ...)`).join('; ')} |
| hashtag stuffers | ${handlesOf(truth, 'stuffer')} |
| accounts fed by serial engagers | ${serial.map((g) => `@${g.target} (by ${g.members.length})`).join(', ')} |
| follow/unfollow churners | ${handlesOf(truth, 'churner')} |

Most engaged in the last 90 days (ordinary accounts): ${topBy(truth, (a) => a.past.engagers, 5)}.
${withTopics} accounts have true topics; ${once} mention a topic exactly once (they must not get it).

## truth.json

\`{"schema":1,"generator":"influence-sim","config":{...},"asOf","windowDays":90,"futureDays",
"topics":[{"slug","name","expert","everyday"}],"groups":[{"id","kind","members","target"?,"topic"?}],
"accounts":[...]}\`, one account per line:
\`{"handle","persona","archetype","expectedFlag","group","q","topics","onceTopics","bioOnlyTopic",
"topicPosts","past":{...},"future":{"posts","reactions","engagers","genuineReactions",
"genuineEngagers","byKind":{"reply","reshare","quote","mention","like"}}}\`.

- \`archetype\`: \`ordinary\` or the planted kind; \`expectedFlag\`: the authenticity flag it
  should raise (\`follow-back\`, \`bot-cadence\`, \`engagement-pod\`, \`hashtag-stuffing\`,
  \`serial-engager\`, \`churn\`) or null.
- \`q\`: true influence, the expected genuine reactions per original post at asOf.
- \`topics\`: true expertise (Klout slugs); \`onceTopics\`: mentioned in one post only;
  \`bioOnlyTopic\`: named in the bio only. \`topicPosts\`: originals per topic in the 90 days
  before asOf.
- \`past\`: engagement received in the 90 days up to asOf (what the tables show);
  \`future\`: in the ${c.futureDays} days after asOf (not in the tables). \`genuine*\` leave out
  engagement made by pods, serial engagers and bots.

## Realism

Shapes follow published measurements (details in \`tools/sim/config.ts\`, \`accounts.ts\`,
\`activity.ts\`): lognormal follower counts with a Pareto tail (Kwak et al. 2010; Pew 2019:
median user has 25 followers, posts twice a month, the top 10% write 80% of posts);
expected reactions per post ~ followers^0.7 (engagement rate per follower falls with
audience size: Markerly 2016, RivalIQ); most posts get no reaction (Sysomos 2010: 71%);
reactions mostly within the hour (Sysomos 2010); listed ~1-3% of followers (PeerIndex
pairs); 20% follow-back reciprocity (Kwak et al. 2010: 22%); diurnal posting. The sample
over-represents planted accounts (${truth.accounts.filter((a) => a.archetype !== 'ordinary').length} of ${truth.accounts.length}) so the demo shows each kind.
`;
}

main(process.argv.slice(2));
