/**
 * The words of a Move to DM, in English and Japanese: the public acknowledgement, the private
 * message that carries the context, the LinkedIn connection note and the public ask. Every
 * text is built from values we have; none is a template with holes left to fill.
 */
import type { Site } from '@/lib/model';
import { siteSpecs } from '@/lib/sites/site-specs';
import type { SensitiveKind } from './sensitive-types';

export type Lang = 'en' | 'ja';

export interface TextContext {
  site: Site;
  lang: Lang;
  /** "Jane" in English, "山田様" in Japanese; undefined when the page gave no usable name. */
  name: string | undefined;
  agentName: string | undefined;
  reasons: readonly SensitiveKind[];
  publicThreadUrl: string;
  /** What the customer wrote, with the personal data masked. */
  quote: string;
  /** A DM exists already; otherwise the public text says one is coming, never that it was sent. */
  dmSent?: boolean;
}

const PERSONAL_DATA: readonly SensitiveKind[] = ['email', 'phone', 'card', 'account'];
const sharedPersonalData = (reasons: readonly SensitiveKind[]) => reasons.some((kind) => PERSONAL_DATA.includes(kind));

function englishTopic(reasons: readonly SensitiveKind[]): string {
  if (reasons.includes('order')) return 'your order';
  if (reasons.includes('card') || reasons.includes('account')) return 'your account';
  return 'this';
}

function japaneseTopic(reasons: readonly SensitiveKind[]): string {
  if (reasons.includes('order')) return 'ご注文について';
  if (reasons.includes('card') || reasons.includes('account')) return 'アカウントについて';
  return '詳しい状況について';
}

const englishMessageWord = (site: Site) => siteSpecs[site].privateMessage.noun;
const englishSignOff = (agentName: string | undefined) => (agentName === undefined ? '' : ` ^${agentName}`);
const japaneseSignOff = (agentName: string | undefined) => (agentName === undefined ? '' : `（担当：${agentName}）`);

export function publicAcknowledgement(context: TextContext): string {
  const { lang, name, reasons, site, agentName } = context;
  if (lang === 'ja') {
    const safety = sharedPersonalData(reasons) ? 'お客様の情報保護のため、こちらの投稿に記載いただいた個人情報は削除をおすすめいたします。' : '';
    const sent = context.dmSent === true ? 'ダイレクトメッセージをお送りしました。' : 'ダイレクトメッセージでご連絡いたします。';
    return `${name ?? 'お客様'}、ご不便をおかけし申し訳ございません。${japaneseTopic(reasons)}個別にご案内するため、${sent}${safety}${japaneseSignOff(agentName)}`;
  }
  const greeting = name === undefined ? 'Sorry about this' : `Sorry about this, ${name}`;
  const safety = sharedPersonalData(reasons) ? ' For your security, you may want to delete the details you shared here.' : '';
  const sent = context.dmSent === true ? "we've sent you" : "we'll send you";
  return `${greeting} — ${sent} ${englishMessageWord(site)} so we can sort out ${englishTopic(reasons)} privately.${safety}${englishSignOff(agentName)}`;
}

export function privateMessage(context: TextContext): string {
  const { lang, name, agentName, publicThreadUrl, quote } = context;
  if (lang === 'ja') {
    const who = agentName === undefined ? 'サポート担当' : `サポート担当の${agentName}`;
    return [
      `${name ?? 'お客様'}、${who}でございます。公開の投稿（${publicThreadUrl}）の件で、こちらからご連絡いたしました。`,
      `いただいた内容：「${quote}」`,
      '投稿の内容は確認済みですので、同じ内容を改めてお書きいただく必要はございません。ただいま確認を進めており、こちらのメッセージで引き続きご案内いたします。',
    ].join('\n');
  }
  const hello = name === undefined ? 'Hi' : `Hi ${name}`;
  const who = agentName === undefined ? 'the support team' : `${agentName} from the support team`;
  return [
    `${hello}, it's ${who}, following up on your post here: ${publicThreadUrl}`,
    `You wrote: "${quote}"`,
    "We have everything from your post, so there's no need to repeat it. We're looking into it now and will keep you updated in this conversation.",
  ].join('\n');
}

/** LinkedIn keeps a note to 200 characters on free accounts (300 with Premium): stay under the lower limit. */
export const CONNECTION_NOTE_LIMIT = 200;

export function connectionNote(context: TextContext): string {
  const { lang, name, agentName, reasons } = context;
  const note =
    lang === 'ja'
      ? `${name ?? 'ご担当者様'}、${agentName === undefined ? 'サポート担当' : `サポート担当の${agentName}`}です。コメントいただいた${japaneseTopic(reasons).replace('について', '')}の件を個別にご案内したく、つながり申請をお送りしました。`
      : `Hi${name === undefined ? '' : ` ${name}`}, ${agentName === undefined ? 'this is the support team' : `${agentName} here from the support team`}. Following up on your comment about ${englishTopic(reasons)}. Connecting so we can sort it out privately.`;
  return note.length <= CONNECTION_NOTE_LIMIT ? note : `${note.slice(0, CONNECTION_NOTE_LIMIT - 1)}…`;
}

export function connectionAcknowledgement(context: TextContext): string {
  const { lang, name, reasons, agentName } = context;
  if (lang === 'ja') {
    return `${name ?? 'お客様'}、ご不便をおかけし申し訳ございません。${japaneseTopic(reasons)}個別にご案内するため、つながり申請をお送りしました。ご承認いただけますと幸いです。${japaneseSignOff(agentName)}`;
  }
  const greeting = name === undefined ? 'Sorry about this' : `Sorry about this, ${name}`;
  return `${greeting} — I've sent you a connection request so we can sort out ${englishTopic(reasons)} privately.${englishSignOff(agentName)}`;
}

/** When we cannot write to them: ask them to write to us, without repeating anything here. */
export function publicAsk(context: TextContext): string {
  const { lang, name, reasons, site, agentName } = context;
  if (lang === 'ja') {
    return `${name ?? 'お客様'}、ご不便をおかけし申し訳ございません。${japaneseTopic(reasons)}個別にご案内したいので、お手数ですが私どもへダイレクトメッセージをお送りいただけますでしょうか。個人情報はこちらには書き込まないようお願いいたします。${japaneseSignOff(agentName)}`;
  }
  const greeting = name === undefined ? 'Sorry about this' : `Sorry about this, ${name}`;
  const write = siteSpecs[site].privateMessage.askToWrite;
  return `${greeting} — we'd like to sort out ${englishTopic(reasons)} privately. Could you ${write}? We'll pick it up from this post, so no need to repeat anything, and please don't share personal details here.${englishSignOff(agentName)}`;
}
