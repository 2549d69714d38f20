/**
 * Strong negative sentiment: anger, fraud claims, legal threats, "never again", all-caps
 * ranting, in English and Japanese. Mild words ("a bit disappointed", "残念") are not reported,
 * and a phrase that is negated ("I'm not angry", "詐欺ではない") is not either.
 */
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

interface Lexicon {
  pattern: RegExp;
  /** Whether "not …" before (English) or "…ではない" after (Japanese) turns it around. */
  negatable: boolean;
}

const ENGLISH: readonly Lexicon[] = [
  {
    pattern:
      /\b(?:worst|scam(?:s|med|mers?|ming)?|fraud(?:ulent|sters?)?|rip-?off|ripped\soff|furious|livid|outraged|outrageous|disgust(?:ing|ed)|disgrace(?:ful)?|appall(?:ing|ed)|atrocious|abysmal|horrible|horrendous|terrible|awful|pathetic|unacceptable|useless|incompeten(?:t|ce)|ridiculous|thieves|liars|shameful|infuriat(?:ing|ed)|enraged|angry|pissed(?:\soff)?|boycott(?:ing)?|wtf|f+u+c+k+(?:ing|ed)?|bullshit|shit(?:ty)?|crap(?:py)?)\b/g,
    negatable: true,
  },
  { pattern: /\b(?:garbage|trash)\b(?!\s?(?:can|cans|bin|bins|bag|bags|day|pickup|collection|truck))/g, negatable: true },
  { pattern: /\b(?:sick\sof|(?<!\bif\syou(?:\sare|'re)\s)fed\sup|shame\son\syou|how\sdare|never\sagain)\b/g, negatable: false },
  {
    pattern:
      /\b(?:stupid(?:ity)?|dumb|idiots?|morons?|liars?|cheat(?:s|ed|ing|ers?)?|deceptive|deceiv(?:e|ed|ing)|rubbish|fooling\s(?:customers|people|us|me))\b|\b(?:the|your|all\sthe|such)\slies\b/g,
    negatable: true,
  },
  { pattern: /#\w{0,20}(?:pathetic|fraud|boycott|scam|rubbish|cheat|worst|shame|useless|disgust|liar|poorservice|fail)\w{0,20}/g, negatable: false },
  { pattern: /\bfile\s(?:a\s)?(?:case|complaint|lawsuit|suit)\sagainst\b/g, negatable: true },
  { pattern: /\b(?:will|i'll|we'll|i\swill|gonna)\snever\s(?:buy|order|shop|use|fly|book|recommend|return|come\sback|trust|deal)\b/g, negatable: false },
  { pattern: /\bnever\s(?:buying|ordering|shopping|using|flying|booking|staying|eating|going|coming|dealing)\s(?:\S{1,20}\s){0,3}?again\b/g, negatable: false },
  { pattern: /\b(?:lawsuit|suing|legal\saction|class\saction|small\sclaims|take\syou\sto\scourt|see\syou\sin\scourt|chargeback|better\sbusiness\sbureau|bbb|trading\sstandards|consumer\sprotection)\b/g, negatable: true },
  {
    pattern: /\b(?:my|our|get(?:ting)?|call(?:ing)?|contact(?:ing)?|(?:talk|speak|talking|speaking)\sto|hir(?:e|ing)|involv(?:e|ing)|consult(?:ing)?)\s(?:a\s|an\s|my\s|our\s)?(?:lawyers?|attorneys?|solicitors?)\b/g,
    negatable: true,
  },
  { pattern: /\bhate\s(?:this|your|you|it|dealing|how|that|them|when)\b/g, negatable: true },
  { pattern: /\b(?:what\sa|is\sa|absolute|complete|total|such\sa)\sjoke\b/g, negatable: true },
  {
    pattern: /\b(?:extremely|incredibly|utterly|deeply|beyond|absolutely|completely|seriously|massively|hugely)\s(?:disappointed|disappointing|frustrated|frustrating|upset|angry)\b/g,
    negatable: true,
  },
  { pattern: /🤬|😡|😠|💢|🖕/gu, negatable: false },
];

/** Phrases that contain a strong word and are no complaint: "worst case", "at worst". */
const ENGLISH_EXCEPTIONS = /\bworst[\s-]case\b|\bat\sworst\b|\bworst\sthat\scan\shappen\b/g;

/** "I'll sue", "sue you": case matters, since "Sue" is also a name. */
const SUE = /\b(?:(?:[Ii]|[Ww]e)(?:'ll|\swill|'m\sgoing\sto|\sam\sgoing\sto|'re\sgoing\sto|\sshould|'d)?|[Gg]onna|[Gg]oing\sto|[Ww]ill)\s(?:sue|SUE)\b|\b(?:sue|SUE)\s(?:you|y'all|your|them|the\scompany|YOU)\b/gu;

const JAPANESE: readonly Lexicon[] = [
  // "最悪個人情報も見られる" (at worst, …): followed straight by other words it is an adverb, not a verdict.
  { pattern: /最悪(?!の(?:場合|ケース|事態|シナリオ)|でも|、?(?:の|な)?場合|[\p{Script=Han}\p{Script=Katakana}](?<!最悪[っ]))/gu, negatable: true },
  { pattern: /詐欺|ぼったくり|騙さ|だまさ|泥棒|嘘つき/gu, negatable: true },
  { pattern: /二度と[^。！!？?\n]{0,12}?(?:ない(?![ぁ-んァ-ヶ一-龠]*(?:チャンス|機会|経験|瞬間|体験))|ません|もんか|ものか|ねえ|ねー)/gu, negatable: false },
  { pattern: /ふざけ(?:るな|んな|てる|ている|ないで|すぎ)/gu, negatable: false },
  { pattern: /激怒|怒り|怒っ(?:て|た)|怒る|怒鳴|腹が立|腹立た|頭にく|頭に来|ムカつ|むかつ|キレそう|キレた|激おこ/gu, negatable: true },
  { pattern: /許せ(?:ない|ません)|許さ(?:ない|ねえ|ん)/gu, negatable: false },
  { pattern: /訴え(?:る|ます|たい|てやる|ますよ)|訴訟|裁判|弁護士|消費者(?:センター|庁)|金返せ|返金しろ/gu, negatable: true },
  { pattern: /最低(?!(?:でも|限|価格|料金|気温|賃金|ライン|額|金額|人数|注文|購入|条件|保証|レベル))/gu, negatable: true },
  { pattern: /(?:ありえ|あり得|有り得)(?:ない|ねえ|ません)(?!(?:ほど|くらい|ぐらい|位|レベルで?(?:美味|良|安)))/gu, negatable: false },
  { pattern: /(?:ひど|酷)(?:すぎ|過ぎ)|(?:ひど|酷)い(?:対応|会社|サービス|話)/gu, negatable: true },
  { pattern: /(?:クソ|くそ|糞|ゴミ)(?:会社|対応|企業|サービス|アプリ|運営|商品)|(?:対応|運営|サービス|会社|アプリ|商品)(?:は|が|も)?(?:クソ|ゴミ)/gu, negatable: true },
  { pattern: /不愉快|舐めてる|なめてる|舐めてん|なめてん|失望しました|失望した/gu, negatable: true },
];

const ENGLISH_NEGATORS = /^(?:not|no|never|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|hardly|nothing|without|isnt|wasnt|dont|didnt|doesnt|ain't)$/;
/** Words that may stand between a negator and the word it negates ("not a scam", "isn't that bad", "not so terrible"). */
const NEGATION_FILLERS = /^(?:a|an|the|so|that|this|too|very|really|all|at|be|been|being|is|was|it|it's|even|quite|entirely|completely|totally|exactly|just)$/;
const CLAUSE_END = /[.!?;,\n。！？、]/;

/** "not the worst", "isn't a scam", "I'm not angry": a negator among the three words before, in the same clause. */
function negatedInEnglish(lower: string, start: number): boolean {
  let from = Math.max(0, start - 40);
  for (let index = start - 1; index >= from; index -= 1) {
    if (CLAUSE_END.test(lower[index] ?? '')) {
      from = index + 1;
      break;
    }
  }
  const words = lower.slice(from, start).trim().split(/\s+/).slice(-3);
  return words.some((word, index) => {
    if (!ENGLISH_NEGATORS.test(word)) return false;
    // "don't want stupid IVR": the negator is about the verb between, not the strong word.
    if (words.slice(index + 1).some((between) => !NEGATION_FILLERS.test(between))) return false;
    // "never been so angry" says the opposite of "not angry".
    return !(word === 'never' && /^(?:been|seen|had|felt|experienced|met)$/.test(words[index + 1] ?? ''));
  });
}

/** "詐欺ではない", "怒っていません", "最悪じゃない": the negation follows in Japanese. */
function negatedInJapanese(text: string, end: number): boolean {
  return /^(?:は|も)?(?:ではな|じゃな|ではあり|てない|ていない|ていません|てません|はない|はありません|なんかじゃな|なんかではな|ない|いない|いません|ません)/.test(
    text.slice(end, end + 10),
  );
}

/** Words that make shouting a complaint rather than excitement ("I LOVE IT!!!" is no rant). */
const RANT_CUES = new Set([
  'WHERE', 'WHY', 'STILL', 'NOT', 'NO', 'NEVER', 'NOBODY', 'NOTHING', 'REFUND', 'MONEY', 'WAITING', 'CANCEL',
  'CANCELLED', 'ENOUGH', 'STOP', 'FIX', 'ANSWER', 'RESPOND', 'SERIOUSLY', 'UNBELIEVABLE', "DON'T", "CAN'T",
  "WON'T", "DIDN'T", "ISN'T", 'WORST', 'RIDICULOUS', 'JOKE', 'WTF', 'HELLO', 'PAID', 'BROKEN', 'WRONG',
]);

/**
 * Words of a sales pitch: capitals that sell ("YOU PAY NOTHING!", "NO CONSULTATION FEE!",
 * "JOIN US TODAY!") are no complaint, whatever "NO" or "MONEY" they hold.
 */
const PITCH_WORDS = new Set([
  'FREE', 'SAVE', 'EARN', 'JOIN', 'OPPORTUNITY', 'MLM', 'PRICE', 'PRICES', 'FEE', 'FEES', 'CHOOSE', 'BEST', 'OFFER',
  'BONUS', 'WIN', 'WON', 'CASH', 'GUARANTEED', 'DISCOUNT', 'TODAY', 'LIMITED', 'DEAL', 'INCOME', 'PROFIT',
]);

const PITCH_PHRASE = /\b(?:(?:YOU\s)?PAY\sNOTHING|NO\s(?:HIDDEN|SETUP|MONTHLY|EXTRA)\s(?:FEES?|COSTS?|CHARGES?))\b/;

/** Three or more all-caps words, followed by "!" or "?", that complain ("WHERE IS MY ORDER?!"). */
function findShouting(text: string, findings: SensitiveFinding[]): void {
  const words = /\b[A-Z][A-Z']*\b/g;
  let runStart = -1;
  let runEnd = -1;
  let count = 0;
  let letters = 0;
  let cued = false;
  let pitch = false;
  const close = (): void => {
    const after = text.slice(runEnd, runEnd + 3);
    if (PITCH_PHRASE.test(text.slice(runStart, runEnd))) pitch = true;
    if (count >= 3 && letters >= 12 && cued && !pitch && /^\s?[!?]/.test(after)) findings.push({ kind: 'negative', start: runStart, end: runEnd });
    count = 0;
    letters = 0;
    cued = false;
    pitch = false;
    runStart = -1;
  };
  for (const match of text.matchAll(words)) {
    const isWord = match[0].length >= 2 || match[0] === 'I' || match[0] === 'A';
    const gap = runStart >= 0 ? text.slice(runEnd, match.index) : '';
    if (!isWord || (runStart >= 0 && !/^[\s,']{1,3}$/.test(gap))) {
      if (runStart >= 0) close();
      if (!isWord) continue;
    }
    if (runStart < 0) runStart = match.index;
    runEnd = match.index + match[0].length;
    count += 1;
    letters += match[0].length;
    if (RANT_CUES.has(match[0])) cued = true;
    if (PITCH_WORDS.has(match[0])) pitch = true;
  }
  if (runStart >= 0) close();
}

export function findNegative({ text: original, lower }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const excepted = new Set([...lower.matchAll(ENGLISH_EXCEPTIONS)].map((match) => match.index + match[0].indexOf('worst')));
  const english = (source: string, lexicon: Lexicon) => {
    for (const match of source.matchAll(lexicon.pattern)) {
      if (excepted.has(match.index)) continue;
      if (lexicon.negatable && negatedInEnglish(lower, match.index)) continue;
      findings.push({ kind: 'negative', start: match.index, end: match.index + match[0].length });
    }
  };
  for (const lexicon of ENGLISH) english(lower, lexicon);
  english(original, { pattern: SUE, negatable: true });
  for (const lexicon of JAPANESE) {
    for (const match of original.matchAll(lexicon.pattern)) {
      const end = match.index + match[0].length;
      if (lexicon.negatable && negatedInJapanese(original, end)) continue;
      findings.push({ kind: 'negative', start: match.index, end });
    }
  }
  findShouting(original, findings);
  return findings;
}
