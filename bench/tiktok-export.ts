/**
 * A deterministic synthetic TikTok export (`user_data_tiktok.json`, the 2024 layout) of a
 * given size, for the import benchmark. Its proportions follow a heavy user's real
 * export: watch history dominates, then likes, followers, direct messages and comments.
 * Written in chunks, so generating it never holds the file in memory.
 */
import fs from 'node:fs';
import { Rng } from '../tools/sim/random.js';

/** How many records of each kind the generated export holds (what an import must read). */
export interface TikTokExportCounts {
  followers: number;
  following: number;
  likes: number;
  comments: number;
  posts: number;
  reposts: number;
  watched: number;
  messages: number;
  bytes: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
function date(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Writes an export of about `targetBytes` bytes to `file`; returns what it holds. */
export function writeTikTokExport(file: string, targetBytes = 50 * 2 ** 20, seed = 14): TikTokExportCounts {
  const rng = new Rng(seed);
  // records per MB of file in a heavy user's export (watch history ~45% of the bytes)
  const unit = targetBytes / 2 ** 20;
  const counts = {
    followers: Math.round(840 * unit),
    following: Math.round(67 * unit),
    likes: Math.round(2520 * unit),
    comments: Math.round(200 * unit),
    posts: Math.round(20 * unit),
    reposts: Math.round(34 * unit),
    watched: Math.round(5040 * unit),
    messages: Math.round(1000 * unit),
  };
  const fd = fs.openSync(file, 'w');
  let buffer = '';
  let bytes = 0;
  const out = (s: string): void => {
    buffer += s;
    if (buffer.length > 1 << 20) flush();
  };
  const flush = (): void => {
    bytes += fs.writeSync(fd, buffer);
    buffer = '';
  };
  const start = Date.UTC(2023, 0, 1);
  const when = (): string => date(start + rng.between(0, 700 * 86_400) * 1000);
  const user = (n: number): string => `user.${n.toString(36)}_${(n * 7919) % 1000}`;
  const video = (): string => String(7_000_000_000_000_000_000n + BigInt(rng.between(0, 2 ** 31)) * 1_000_000n + BigInt(rng.between(0, 999_999)));
  const list = (n: number, item: (i: number) => string): void => {
    for (let i = 0; i < n; i++) out(`${i ? ',' : ''}\n        ${item(i)}`);
  };
  const words = ['dance', 'cooking', 'so true', 'love this', 'haha', 'where is this', 'need the recipe', 'amazing', 'tutorial please', 'same'];
  const text = (k: number): string => Array.from({ length: k }, () => rng.pick(words)).join(' ');

  out('{\n  "Comment": {"Comments": {"App": 1, "CommentsList": [');
  list(counts.comments, () => JSON.stringify({ date: when(), comment: text(rng.between(2, 8)), photo: 'N/A', url: `https://www.tiktokv.com/share/video/${video()}/` }));
  out('\n  ]}},\n  "Direct Message": {"Direct Messages": {"ChatHistory": {');
  const conversations = Math.max(1, Math.round(counts.messages / 40));
  for (let c = 0, left = counts.messages; c < conversations; c++) {
    const n = c === conversations - 1 ? left : Math.min(left, 40);
    left -= n;
    out(`${c ? ',' : ''}\n      ${JSON.stringify(`Chat History with ${user(900_000 + c)}:`)}: [`);
    list(n, () => JSON.stringify({ Date: when(), From: user(900_000 + c), Content: text(rng.between(3, 12)) }));
    out('\n      ]');
  }
  out('\n  }}},\n  "Post": {"Posts": {"VideoList": [');
  list(counts.posts, () => JSON.stringify({ Date: when(), Link: `https://www.tiktokv.com/share/video/${video()}/`, Likes: rng.chance(0.5) ? String(rng.between(0, 5000)) : rng.between(0, 5000), WhoCanView: 'Everyone', Title: `${text(4)} #fyp` }));
  out('\n  ]}},\n  "Profile": {"Profile Info": {"App": 1, "ProfileMap": {"userName": "bench.owner", "bioDescription": "synthetic export"}}},\n  "Your Activity": {\n');
  out('    "Follower": {"App": 1, "IsFastLane": false, "FansList": [');
  list(counts.followers, (i) => JSON.stringify({ Date: when(), UserName: user(i) }));
  out('\n    ]},\n    "Following": {"App": 1, "IsFastLane": false, "Following": [');
  list(counts.following, (i) => JSON.stringify({ Date: when(), UserName: user(500_000 + i) }));
  out('\n    ]},\n    "Like List": {"App": 1, "ItemFavoriteList": [');
  list(counts.likes, (i) => JSON.stringify({ date: when(), link: `https://www.tiktokv.com/share/video/${7_100_000_000_000_000_000n + BigInt(i)}/` }));
  out('\n    ]},\n    "Reposts": {"RepostList": [');
  list(counts.reposts, (i) => JSON.stringify({ Date: when(), Link: `https://www.tiktokv.com/share/video/${7_200_000_000_000_000_000n + BigInt(i)}/` }));
  out('\n    ]},\n    "Watch History": {"VideoList": [');
  list(counts.watched, () => JSON.stringify({ Date: when(), Link: `https://www.tiktokv.com/share/video/${video()}/` }));
  out('\n    ]}\n  }\n}\n');
  flush();
  fs.closeSync(fd);
  return { ...counts, bytes };
}
