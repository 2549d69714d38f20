/**
 * Account and password talk ("my password is…", "can't log in", "account number",
 * "ログインできない", "パスワード"): the phrase is marked, and when it introduces a value
 * ("my password is Hunter2!", "会員番号12345678") the value is marked with it, so that a
 * redaction hides the value too.
 */
import { readReference } from './sensitive-reference';
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

const ENGLISH_PHRASES: readonly RegExp[] = [
  /\b(?:my|the|your|our)\s(?:current\s|old\s|new\s)?(?:pass(?:word|code|wd)|pin(?:\s(?:number|code))?|login(?:\s(?:details|info|information|credentials|id|name))?|log-in|username|user\s?name|user\s?id|credentials|security\s(?:question|answer)s?|account\s(?:number|no\.?|#|id|details|info(?:rmation)?|name|login|password|pin))\b(?:\s(?:is|was)\b|\s?:)?/g,
  /\bpass(?:word|code|wd)s?\b(?!\s(?:managers?|generators?|policy|policies|requirements|rules|strength))(?:\s(?:is|was)\b|\s?:)?/g,
  /\b(?:can'?t|cannot|can\snot|unable\sto|couldn'?t|could\snot|not\sable\sto|won'?t\slet\sme|doesn'?t\slet\sme|keep\sfailing\sto|(?<!\b(?:no|any)\s)trouble)\s(?:log|sign)(?:ging)?\s?(?:in(?:to)?|on)\b/g,
  /\b(?:here'?s|here\sis|heres|this\sis)\smy\s(?:login|log-in|username|user\sname|account(?:\snumber)?|credentials)\b(?:\s(?:is|was)\b|\s?:)?/g,
  /\baccount\s(?:number|no\.?|#|id)(?![a-z])(?:\s(?:is|was)\b|\s?:)?/g,
  /\b(?:my\s)?account\s(?:was\s|is\s|has\sbeen\s|got\s|been\s|being\s|keeps\sgetting\s)?(?:hacked|locked|suspended|banned|disabled|deactivated|compromised|frozen|restricted|taken\sover)\b/g,
  /\b(?:got|been|was|were|get)\shacked\b|\blocked\sout\b|\b(?:says|shows|still)\s(?:it'?s\s|it\sis\s|i'?m\s|account\s(?:is\s)?)?locked\b/g,
  /\b(?:2|two)[-\s]step(?:\s(?:verification|authentication))?\b/g,
  /\b(?:someone|somebody|which\saccount|who)\s(?:is\s)?(?:trying\sto\s)?us(?:e|ing)\smy\s(?:card|account)\b/g,
  /\b(?:verification|security|one-time|one\stime|2fa|two-factor|otp|sms|login)\scodes?\b/g,
  /\b(?:2fa|two-factor\sauthentication|social\ssecurity(?:\snumber)?|ssn|date\sof\sbirth|routing\snumber|sort\scode|bsb(?:\s(?:code|number))?|transit\snumber|iban|bank\saccount\s(?:number|no\.?|details|info(?:rmation)?)|bank\sdetails|billing\sinfo(?:rmation)?)\b(?:\s(?:is|was)\b|\s?:)?/g,
  /\b(?:reset|change|recover|forgot|forgotten)\s(?:my\s)?(?:pass(?:word|code)|pin|login)\b/g,
  /\b(?:member(?:ship)?|customer|loyalty|rewards)\s(?:number|no\.?|id|#)(?:\s(?:is|was)\b|\s?:)?/g,
];

/** "text the password MIX to 85069", "A FREE PORN PASSWORD": a keyword to send or a prize, nobody's credential. */
const PRIZE_OR_KEYWORD = /\b(?:free|porn|text|txt|send|reply\swith)\s(?:the\s)?$/;

/** Phrases kept only when a value follows them ("renewal Pin is tgxxrz"; not "the pin is broken"). */
const VALUE_PHRASES: readonly RegExp[] = [/\b(?:renewal\s|access\s|security\s|login\s)?pin(?:\s(?:code|number))?\s(?:is|was)\b/g];

const JAPANESE_PHRASES: readonly RegExp[] = [
  /パスワード(?:は|：|:)?/gu,
  /(?:ログイン|サインイン)(?:でき|出来)(?:ない|ません|なく|ず)/gu,
  /(?:ログイン|サインイン)(?:ID|ＩＤ|情報)(?:は|：|:)?/gu,
  /(?:アカウント|ID|ＩＤ)(?:が|を)?(?:乗っ取|ハッキング|ロック|凍結|停止|削除さ|使えな|BAN)/gu,
  /乗っ取られ|不正ログイン|異常ログイン|不正な?アクセス|不正利用|不正使用/gu,
  /(?:暗証番号|口座番号|会員番号|会員ID|会員ＩＤ|お客様番号|顧客番号|ユーザー名|ユーザーID|ユーザID|認証コード|確認コード|セキュリティコード|二段階認証|マイナンバー|生年月日|アカウント(?:情報|番号|名))(?:は|：|:)?/gu,
  /(?:私|わたし|自分|僕|俺)の(?:アカウント|ID|ＩＤ)/gu,
];

/**
 * Every English phrase above needs one of these words, every Japanese one a character outside ASCII:
 * a text without them skips the phrase scans (most reply texts), with the same findings.
 */
const ENGLISH_NEEDS = /pass|pin|log|sign|user|credential|security|account|hack|lock|step|card|code|2fa|two-factor|otp|ssn|birth|routing|bsb|transit|iban|bank|billing|member|customer|loyalty|reward/;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Phrases that name a number ("account number", "会員番号") take the number that follows. */
const NAMES_A_NUMBER = /number|no\.?|#|\bid\b|ssn|security|routing|sort code|bsb|iban|番号|ID|ＩＤ/i;
/** Phrases that introduce a value ("password is", "username:", "パスワードは") take the next word. */
const INTRODUCES_VALUE = /(?:\sis|\swas|:|：|は)$/i;
const VALUE = /[:：]?\s?["'“「]?([^\s"'”」,;。、()（）]{1,64})/y;
const PLAIN_WORD = /^[a-z]+$/;
const MEMBER_PHRASE = /member|loyalty|rewards|customer|会員|お客様番号|顧客番号/i;

function valueEnd(folded: string, phraseEnd: number, phrase: string): number {
  if (NAMES_A_NUMBER.test(phrase)) {
    const reference = readReference(folded, phraseEnd, '#', false);
    if (reference !== undefined) return reference.end;
  }
  if (!INTRODUCES_VALUE.test(phrase)) return phraseEnd;
  VALUE.lastIndex = phraseEnd;
  const value = VALUE.exec(folded);
  const word = value?.[1];
  if (value === null || word === undefined) return phraseEnd;
  // "my password is wrong": an ordinary word is talk about the password, not the password.
  const endsSentence = /^[\s.!?。！？]|^$/.test(folded.slice(phraseEnd + value[0].length, phraseEnd + value[0].length + 1));
  if (PLAIN_WORD.test(word) && !/[:：]$/.test(phrase) && !endsSentence) return phraseEnd;
  if (PLAIN_WORD.test(word) && /^(?:wrong|incorrect|correct|invalid|expired|not|too|being|still|the|a|an|right|fine|ok|okay|reset|changed|blocked|locked)$/.test(word)) return phraseEnd;
  return phraseEnd + value[0].length;
}

export function findAccountTalk({ text, lower, numeric }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const phrases = (source: string, patterns: readonly RegExp[], valueNeeded = false) => {
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) {
        const phrase = match[0].replace(/\s+$/, '');
        const phraseEnd = match.index + phrase.length;
        const end = valueEnd(numeric, phraseEnd, phrase);
        if (valueNeeded && end === phraseEnd) continue;
        if (PRIZE_OR_KEYWORD.test(source.slice(Math.max(0, match.index - 16), match.index)) && /pass/.test(phrase)) continue;
        // A member or customer number with its value is the member's identity, not account talk.
        const member = end > phraseEnd && MEMBER_PHRASE.test(phrase);
        findings.push(member ? { kind: 'account', detail: 'member', start: match.index, end } : { kind: 'account', start: match.index, end });
      }
    }
  };
  if (ENGLISH_NEEDS.test(lower)) {
    phrases(lower, ENGLISH_PHRASES);
    if (lower.includes('pin ')) phrases(lower, VALUE_PHRASES, true);
  }
  if (NON_ASCII.test(text)) phrases(text, JAPANESE_PHRASES);
  return findings;
}
