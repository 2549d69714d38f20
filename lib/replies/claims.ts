/**
 * What a reply claims was done ("I've checked your order", "we've sent you a DM", "I've started the
 * refund", "after yesterday's fix"), and how to say it honestly when it was not done yet.
 *
 * A template or article declares what it asserts (`asserts`); the text is read for claims too, so a
 * template written without the field, a past reply or a generated reply is held to the same rule.
 * `honestText` keeps a claim whose state is true, turns the others into promises where a rewrite
 * says the same thing as a promise ("I'll check order … for you now and come back to you here"), and
 * reports what is left unverified: such a text is not offered until the agent ticks that it is done.
 */
import { replyClaims, type ReplyClaim } from '@/lib/model';

export { replyClaims, type ReplyClaim } from '@/lib/model';

interface ClaimRule {
  /** Finds the claim in a text. */
  pattern: RegExp;
  /** The claim said as a promise; absent where no rewrite keeps the text true. */
  promise?: { pattern: RegExp; replacement: string };
}

const RULES: Record<ReplyClaim, ClaimRule[]> = {
  'checked-order': [
    {
      pattern: /\b(?:I|we)(?:'ve|’ve| have) (?:just )?(?:checked|looked (?:into|at|up)|tracked)\b/i,
      // What follows such a claim reports what the check found: it goes, and the promise says when we come back.
      promise: {
        pattern: /\b(I|we)(?:'ve|’ve| have) (?:just )?(?:checked|looked (?:into|at|up)|tracked) ([^.!?\n]*?)(?: for you)?(?:[.!?]|$)[\s\S]*$/i,
        replacement: "$1'll check $2 for you now and come back to you here.",
      },
    },
    {
      pattern: /(?:状況|配送状況|ご注文[^。]{0,20})を(?:確認しました|確認いたしました|お調べしました)/,
      promise: { pattern: /を(?:確認しました|確認いたしました|お調べしました)。[\s\S]*$/, replacement: 'をすぐにお調べし、こちらでご連絡いたします。' },
    },
  ],
  'dm-sent': [
    {
      pattern: /\b(?:I|we)(?:'ve|’ve| have)? (?:just )?(?:sent|dropped|messaged|DMed|DM'd)\b[^.!?\n]{0,40}\b(?:DMs?|direct message|private message|message|inbox)\b|\bcheck (?:your|the) (?:DMs?|inbox)\b/i,
      promise: { pattern: /\b(I|we)(?:'ve|’ve| have)? (?:just )?(?:sent|dropped|messaged)( you)?\b/gi, replacement: "$1'll send$2" },
    },
    {
      pattern: /(?:ダイレクトメッセージ|DM|メッセージ)[^。]{0,20}(?:お送りしました|ご連絡しました|送りました|送信しました)/,
      promise: { pattern: /(?:お送りしました|ご連絡しました|送りました|送信しました)/g, replacement: 'ご連絡いたします' },
    },
  ],
  'refund-issued': [
    {
      pattern: /\b(?:I|we)(?:'ve|’ve| have) (?:just )?(?:started|issued|processed|sent|arranged)\b[^.!?\n]{0,20}\brefund|\brefund (?:has been|was|is) (?:issued|processed|on its way|sent)\b|\b(?:I|we)(?:'ve|’ve| have) refunded\b/i,
      promise: { pattern: /\b(I|we)(?:'ve|’ve| have) (?:just )?(?:started|issued|processed|arranged)( the| your| a)? refund\b/gi, replacement: "$1'll start$2 refund" },
    },
    {
      pattern: /返金(?:の)?(?:手続き|処理)?を?(?:行いました|いたしました|しました|完了しました)/,
      promise: { pattern: /(?:行いました|いたしました|しました|完了しました)/, replacement: '進めます' },
    },
  ],
  'issue-fixed': [
    {
      pattern: /\b(?:after|since) (?:yesterday's|yesterday’s|the|our) fix\b|\b(?:I|we)(?:'ve|’ve| have) (?:now )?(?:fixed|resolved|solved) (?:it|this|the (?:issue|problem|bug))\b|\b(?:is|has been) (?:now )?fixed\b/i,
    },
    { pattern: /(?:修正|解消)(?:しました|いたしました|済み)|先日の(?:修正|対応)後/ },
  ],
};

/** The claims a text makes, each once, in the order of `replyClaims`. */
export function claimsIn(text: string): ReplyClaim[] {
  return replyClaims.filter((claim) => RULES[claim].some((rule) => rule.pattern.test(text)));
}

export interface HonestText {
  text: string;
  /** Claims turned into promises because their state is not true. */
  promised: ReplyClaim[];
  /** Claims still made whose state is not true and that no rewrite could turn into a promise. */
  unverified: ReplyClaim[];
}

/**
 * `text` saying only what is true: claims in `declared` or found in the text whose state is not in
 * `done` become promises where a rewrite exists; the rest are reported as unverified.
 */
export function honestText(text: string, declared: readonly ReplyClaim[], done: ReadonlySet<ReplyClaim>): HonestText {
  const claims = new Set<ReplyClaim>([...declared, ...claimsIn(text)]);
  let out = text;
  const promised: ReplyClaim[] = [];
  const unverified: ReplyClaim[] = [];
  for (const claim of replyClaims) {
    if (!claims.has(claim) || done.has(claim)) continue;
    const before = out;
    for (const rule of RULES[claim]) if (rule.promise) out = out.replace(rule.promise.pattern, rule.promise.replacement);
    const stillClaims = RULES[claim].some((rule) => rule.pattern.test(out));
    // Unchanged means declared but not found in the words: we cannot tell which words claim it.
    if (stillClaims || out === before) unverified.push(claim);
    else promised.push(claim);
  }
  return { text: out, promised, unverified };
}
