/**
 * findSensitive: throughput on 1,000 realistic comments and on one 50 KB text, and precision
 * and recall on the labelled set. Writes bench/results/replies-sensitive.json.
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-sensitive.ts
 *
 * The comments are the labelled posts, each with a varied prefix and suffix so that no two are
 * equal; the 50 KB text is those comments joined into one thread-sized page of text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { findSensitive } from '@/lib/replies/sensitive';
import { evaluateSensitive, labelledSetSchema } from '@/lib/replies/sensitive-evaluate';
import { summariseMs } from './harness/stats.ts';

const posts = labelledSetSchema.parse(JSON.parse(readFileSync('tests/fixtures/replies/sensitive-labelled.json', 'utf8')));

const openers = ['', '@AcmeHelp ', 'Hi team, ', 'ok so ', '@shop_jp ', 'Update: ', 'ちなみに ', 'FYI '];
const closers = ['', ' Thanks.', ' 🙏', ' #help', ' よろしくお願いします。', ' Any update?', ' (2nd time asking)', ''];
const comments = Array.from({ length: 1000 }, (_, index) => {
  const post = posts[index % posts.length]!;
  return `${openers[index % openers.length]!}${post.text}${closers[(index * 7) % closers.length]!}`;
});

const LARGE_SIZE = 50_000;
let large = '';
for (let index = 0; large.length < LARGE_SIZE; index += 1) large += `${comments[index % comments.length]!}\n`;
large = large.slice(0, LARGE_SIZE);

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// Warm up the regular expressions and the JIT before measuring.
for (let round = 0; round < 3; round += 1) for (const comment of comments) findSensitive(comment);

const ROUNDS = 20;
const commentBatchMs: number[] = [];
const perCommentMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  commentBatchMs.push(
    time(() => {
      for (const comment of comments) findSensitive(comment);
    }),
  );
}
for (const comment of comments) perCommentMs.push(time(() => findSensitive(comment)));
const largeMs = Array.from({ length: ROUNDS }, () => time(() => findSensitive(large)));

const evaluation = evaluateSensitive(posts);
const batch = summariseMs(commentBatchMs);
const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  /** The machine is shared: a load average above the core count inflates every time here. */
  machine: { cores: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  comments: {
    count: comments.length,
    totalChars: comments.reduce((sum, comment) => sum + comment.length, 0),
    batchOf1000: batch,
    perComment: summariseMs(perCommentMs),
    commentsPerSecond: Math.round((comments.length / batch.medianMs) * 1000),
  },
  largeText: { chars: large.length, findings: findSensitive(large).length, perCall: summariseMs(largeMs) },
  labelled: {
    posts: posts.length,
    postsWithFindings: posts.filter((post) => post.expected.length > 0).length,
    overall: evaluation.overall,
    byLang: evaluation.byLang,
    byKind: evaluation.byKind,
    misses: evaluation.misses,
  },
};

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/replies-sensitive.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `1,000 comments: median ${batch.medianMs} ms (p95 ${batch.p95Ms} ms); 50 KB text: median ${result.largeText.perCall.medianMs} ms ` +
    `(p95 ${result.largeText.perCall.p95Ms} ms); labelled set: precision ${evaluation.overall.precision}, recall ${evaluation.overall.recall}`,
);
