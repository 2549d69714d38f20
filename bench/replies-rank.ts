/**
 * Reply ranking benchmark: index build time and rank latency over 5,000 generated templates and
 * articles in English and Japanese, and top-1/top-3 accuracy on the labelled message set.
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-rank.ts
 *
 * Writes bench/results/replies-rank.json and bench/results/replies-accuracy.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createReplyRanker, type RankCandidate, type ReplyRanker } from '../lib/replies/rank';
import { starterCandidates } from '../lib/replies/starter-set';
import { quantile } from './harness/stats.ts';
import { seededRandom as random } from './harness/random.ts';

const CANDIDATES = 5_000;
const QUERIES = 1_500;
const WARM_UP_QUERIES = 100;
const BUILD_RUNS = 3;
const root = path.resolve(import.meta.dirname, '..');

const next = random(20250601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));

interface Topic {
  tag: string;
  en: { nouns: string[]; sentences: string[] };
  ja: { nouns: string[]; sentences: string[] };
}

// Sentences with a {n} slot for one of the topic's nouns: enough variety for realistic term statistics.
const topics: Topic[] = [
  {
    tag: 'refund',
    en: { nouns: ['refund', 'return', 'credit note', 'chargeback', 'money back'], sentences: ['We have processed your {n} today.', 'The {n} goes back to the original card.', 'Please allow 5 to 10 working days for the {n} to appear.', 'If the {n} is missing after that, reply here.'] },
    ja: { nouns: ['返金', '返品', '払い戻し', '返金手続き'], sentences: ['本日{n}を行いました。', '{n}は元のお支払い方法に戻ります。', '{n}の反映まで5〜10営業日ほどかかります。', '{n}が確認できない場合はご連絡ください。'] },
  },
  {
    tag: 'delivery',
    en: { nouns: ['parcel', 'delivery', 'shipment', 'tracking number', 'courier'], sentences: ['Your {n} left the warehouse this morning.', 'The {n} is delayed in your area.', 'You can follow the {n} online.', 'We will chase the {n} with the carrier.'] },
    ja: { nouns: ['荷物', '配送', '発送', '追跡番号', '配達'], sentences: ['{n}は今朝倉庫を出ました。', 'お住まいの地域で{n}に遅れが出ています。', '{n}はオンラインで確認できます。', '{n}について配送業者に確認します。'] },
  },
  {
    tag: 'account',
    en: { nouns: ['password', 'login', 'account', 'verification code', 'two-factor setting'], sentences: ['Reset your {n} from the sign-in page.', 'The {n} link expires after an hour.', 'We can unlock your {n} in a private message.', 'Check the spam folder for the {n} e-mail.'] },
    ja: { nouns: ['パスワード', 'ログイン', 'アカウント', '認証コード', '二段階認証'], sentences: ['{n}はログイン画面から再設定できます。', '{n}のリンクは1時間で期限が切れます。', 'ダイレクトメッセージで{n}のロックを解除します。', '{n}のメールが迷惑メールに入っていないかご確認ください。'] },
  },
  {
    tag: 'price',
    en: { nouns: ['price', 'plan', 'discount', 'quote', 'invoice'], sentences: ['Our {n} depends on the number of seats.', 'Yearly billing gives a {n} of 20%.', 'I can send a {n} for your team today.', 'The {n} includes support and updates.'] },
    ja: { nouns: ['料金', 'プラン', '割引', 'お見積り', '請求書'], sentences: ['{n}はご利用人数によって変わります。', '年払いで{n}がございます。', 'チーム向けの{n}を本日お送りします。', '{n}にはサポートが含まれます。'] },
  },
  {
    tag: 'not-working',
    en: { nouns: ['app', 'sync', 'error', 'crash', 'upload'], sentences: ['Update the {n} to the latest version first.', 'A restart usually clears the {n} problem.', 'Send us a screenshot of the {n}.', 'Our engineers are looking at the {n} now.'] },
    ja: { nouns: ['アプリ', '同期', 'エラー', '不具合', 'アップロード'], sentences: ['まず{n}を最新版に更新してください。', '再起動で{n}の問題が解消することがあります。', '{n}の画面のスクリーンショットをお送りください。', '開発チームが{n}を調査しています。'] },
  },
  {
    tag: 'meeting-request',
    en: { nouns: ['call', 'demo', 'meeting', 'calendar slot', 'walkthrough'], sentences: ['Happy to set up a {n} next week.', 'Pick a {n} that suits you.', 'The {n} takes about 20 minutes.', 'I will bring a colleague to the {n}.'] },
    ja: { nouns: ['打ち合わせ', 'デモ', '面談', '日程', 'オンライン会議'], sentences: ['来週{n}を設定させてください。', 'ご都合の良い{n}をお選びください。', '{n}は20分ほどです。', '{n}には同僚も同席します。'] },
  },
  {
    tag: 'cancel',
    en: { nouns: ['subscription', 'membership', 'plan', 'renewal', 'contract'], sentences: ['You can cancel the {n} under Settings.', 'The {n} stays active until the period ends.', 'We can pause the {n} instead.', 'Tell us why you are leaving the {n}.'] },
    ja: { nouns: ['サブスクリプション', '会員', 'プラン', '更新', '契約'], sentences: ['{n}は設定画面から解約できます。', '{n}は期間終了まで有効です。', '{n}を一時停止することもできます。', '{n}をやめる理由をお聞かせください。'] },
  },
  {
    tag: 'complaint',
    en: { nouns: ['experience', 'service', 'wait', 'mistake', 'delay'], sentences: ['I am sorry about the {n}.', 'That {n} is not what we want for you.', 'I am looking into the {n} personally.', 'We will make the {n} right.'] },
    ja: { nouns: ['ご不便', '対応', 'お待たせ', '不手際', '遅れ'], sentences: ['{n}について心よりお詫びします。', '{n}は私たちの望むものではありません。', '{n}について責任を持って確認します。', '{n}の件はきちんと対応いたします。'] },
  },
];

// Product names and everyday detail sentences give the library the long tail of rare words a real one has.
const productParts = {
  en: { first: ['Aurora', 'Nimbus', 'Koa', 'Vela', 'Orbit', 'Juniper', 'Atlas', 'Mori', 'Pixel', 'Sora', 'Terra', 'Willow'], second: ['kettle', 'backpack', 'headphones', 'planner', 'jacket', 'lamp', 'blender', 'sneakers', 'camera', 'desk', 'mug', 'speaker'] },
  ja: { first: ['オーロラ', 'ニンバス', 'コア', 'ベラ', 'オービット', 'ジュニパー', 'アトラス', 'モリ', 'ピクセル', 'ソラ', 'テラ', 'ウィロー'], second: ['ケトル', 'リュック', 'ヘッドホン', '手帳', 'ジャケット', 'ライト', 'ミキサー', 'スニーカー', 'カメラ', 'デスク', 'マグ', 'スピーカー'] },
};
const details = {
  en: ['The {p} comes with a two-year warranty.', 'Many customers pair the {p} with the travel case.', 'The {p} in size {k} is back in stock at the {c} store.', 'Our {c} team checked the {p} batch {k} again.', 'The {p} manual is on page {k} of the guide.'],
  ja: ['{p}には2年間の保証が付いています。', '{p}は専用ケースと一緒に購入される方が多いです。', 'サイズ{k}の{p}は{c}店で再入荷しました。', '{c}チームがロット{k}の{p}を再確認しました。', '{p}の説明は取扱説明書の{k}ページにあります。'],
  cities: { en: ['Osaka', 'Berlin', 'Austin', 'Lyon', 'Leeds', 'Porto', 'Denver', 'Sapporo'], ja: ['大阪', '札幌', '福岡', '名古屋', '仙台', '神戸', '横浜', '京都'] },
};

function productName(lang: 'en' | 'ja'): string {
  const parts = productParts[lang];
  return `${pick(parts.first)} ${pick(parts.second)} ${between(1, 40)}`;
}

function paragraph(topic: Topic, lang: 'en' | 'ja', sentences: number): string {
  const bank = topic[lang];
  const parts: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    if (next() < 0.3) {
      parts.push(pick(details[lang]).replace('{p}', productName(lang)).replace('{k}', String(between(1, 99))).replace('{c}', pick(details.cities[lang])));
    } else {
      parts.push(pick(bank.sentences).replace('{n}', pick(bank.nouns)));
    }
  }
  return parts.join(lang === 'en' ? ' ' : '');
}

function generateLibrary(count: number): RankCandidate[] {
  const library: RankCandidate[] = [];
  for (let i = 0; i < count; i += 1) {
    const topic = pick(topics);
    const lang = i % 2 === 0 ? 'en' : 'ja';
    const isArticle = i % 5 < 2;
    const title = `${pick(topic[lang].nouns)} ${isArticle ? (lang === 'en' ? 'guide' : 'ガイド') : lang === 'en' ? 'reply' : '返信'} ${i}`;
    // Templates run to 2–5 sentences (~150–450 characters), articles to 8–30 (~600–2,500).
    const body = `${lang === 'en' ? 'Hi {{first_name}}, ' : '{{first_name}}さん、'}${paragraph(topic, lang, isArticle ? between(8, 30) : between(2, 5))}`;
    const tags = [topic.tag, ...(next() < 0.3 ? [pick(['stage:lead', 'stage:customer', 'stage:qualified'])] : [])];
    library.push({ id: `gen-${i}`, kind: isArticle ? 'article' : 'template', title, body, tags, lang });
  }
  return library;
}

interface LabelledMessage {
  id: string;
  message: string;
  stage?: string;
  expected: string[];
}

function loadLabelled(): LabelledMessage[] {
  const raw = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/replies/labelled-messages.json'), 'utf8')) as { messages: LabelledMessage[] };
  return raw.messages;
}

function generateQueries(count: number, labelled: readonly LabelledMessage[]): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i % 3 === 0) {
      queries.push(pick(labelled).message);
    } else if (i % 100 === 1) {
      // A few very long messages (a pasted e-mail thread), up to ~4,000 characters.
      queries.push(paragraph(pick(topics), i % 2 === 0 ? 'en' : 'ja', 60));
    } else {
      queries.push(paragraph(pick(topics), i % 2 === 0 ? 'en' : 'ja', between(1, 3)));
    }
  }
  return queries;
}

function accuracy(ranker: ReplyRanker, labelled: readonly LabelledMessage[]) {
  let top1 = 0;
  let top3 = 0;
  for (const { message, stage, expected } of labelled) {
    const ids = ranker.rank(message, { limit: 3, stage }).map((result) => result.id);
    if (expected.includes(ids[0] ?? '')) top1 += 1;
    if (ids.some((id) => expected.includes(id))) top3 += 1;
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { n: labelled.length, top1: round(top1 / labelled.length), top3: round(top3 / labelled.length) };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function main(): void {
  const library = generateLibrary(CANDIDATES);
  const labelled = loadLabelled();
  const averageBodyChars = Math.round(library.reduce((sum, candidate) => sum + candidate.body.length, 0) / library.length);

  const buildMs: number[] = [];
  const buildCpuMs: number[] = [];
  let ranker: ReplyRanker | undefined;
  for (let run = 0; run < BUILD_RUNS; run += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    ranker = createReplyRanker(library);
    buildMs.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    buildCpuMs.push((cpu.user + cpu.system) / 1000);
  }
  if (!ranker) throw new Error('no ranker built');

  const queries = generateQueries(QUERIES + WARM_UP_QUERIES, labelled);
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  queries.forEach((query, index) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    ranker.rank(query, { limit: 5, stage: index % 4 === 0 ? 'customer' : undefined });
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (index >= WARM_UP_QUERIES) {
      latencies.push(wallMs);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  });

  const rankResult = {
    candidates: { count: library.length, articles: library.filter((c) => c.kind === 'article').length, averageBodyChars, languages: ['en', 'ja'] },
    buildMs: { runs: BUILD_RUNS, medianMs: round2(quantile(buildMs, 0.5)), maxMs: round2(Math.max(...buildMs)) },
    buildCpuMs: { medianMs: round2(quantile(buildCpuMs, 0.5)) },
    rankMs: {
      queries: latencies.length,
      warmUpQueries: WARM_UP_QUERIES,
      p50Ms: round2(quantile(latencies, 0.5)),
      p95Ms: round2(quantile(latencies, 0.95)),
      p99Ms: round2(quantile(latencies, 0.99)),
      maxMs: round2(Math.max(...latencies)),
      targetP95Ms: 10,
    },
    // Process CPU time per query: close to the wall time on an idle machine, and not inflated when
    // other processes hold the cores (wall time then includes waiting for one).
    rankCpuMs: {
      p50Ms: round2(quantile(cpuTimes, 0.5)),
      p95Ms: round2(quantile(cpuTimes, 0.95)),
      p99Ms: round2(quantile(cpuTimes, 0.99)),
    },
    machine: { cpus: os.cpus().length, loadAverage1m: round2(os.loadavg()[0] ?? 0) },
    node: process.version,
  };

  const accuracyResult = {
    labelledSet: 'tests/fixtures/replies/labelled-messages.json',
    starterSet: accuracy(createReplyRanker(starterCandidates()), labelled),
    target: { top3: 0.9 },
  };

  const results = path.join(root, 'bench/results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'replies-rank.json'), `${JSON.stringify(rankResult, null, 2)}\n`);
  writeFileSync(path.join(results, 'replies-accuracy.json'), `${JSON.stringify(accuracyResult, null, 2)}\n`);
  console.log(JSON.stringify({ rank: rankResult, accuracy: accuracyResult }, null, 2));
}

main();
