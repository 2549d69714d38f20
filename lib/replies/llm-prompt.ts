/**
 * The prompt for a generated reply: what the customer wrote, the contact's history and the knowledge
 * base hits, each with personal data masked first (nothing found by findSensitive leaves the machine).
 */
import type { ChatMessage } from './llm';
import { findSensitive, redact } from './sensitive';

export interface ReplyPromptInput {
  /** What the customer wrote, as on screen. */
  message: string;
  lang: 'en' | 'ja';
  site: string;
  personName?: string;
  agentName?: string;
  stage?: string;
  /** Earlier messages with this contact, oldest first. */
  history: ReadonlyArray<{ direction: 'in' | 'out'; text: string }>;
  /** Knowledge-base articles and templates that the ranker found for the message. */
  knowledge: ReadonlyArray<{ title: string; text: string }>;
}

const HISTORY_LIMIT = 10;
const ITEM_CHARS = 1_200;
const KNOWLEDGE_LIMIT = 4;

/** The text with personal data masked, trimmed to a length a prompt can afford. */
export function safeForPrompt(text: string, lang: 'en' | 'ja'): string {
  const masked = redact(text, findSensitive(text), { lang }).replace(/\s+/g, ' ').trim();
  return masked.length <= ITEM_CHARS ? masked : `${masked.slice(0, ITEM_CHARS - 1)}…`;
}

export function buildReplyPrompt(input: ReplyPromptInput): ChatMessage[] {
  const { lang } = input;
  const language = lang === 'ja' ? 'Japanese (polite です/ます form)' : 'English';
  const system = [
    `You help ${input.agentName ? `${safeForPrompt(input.agentName, lang)}, ` : ''}a customer care and sales agent, answer people on ${input.site}.`,
    `Write one reply in ${language}, ready to post: short (at most 3 sentences), warm, personal, specific to what they said.`,
    'Use their name when you know it. Never invent order details, prices or promises; where facts are missing, say you will check.',
    'Never ask for personal data (order numbers, e-mail, phone, card or account details) in public; offer a private message instead.',
    'Text in square brackets such as [order number] was masked for privacy: do not repeat or guess it.',
    'Answer with the reply text only: no quotes, no preamble, no placeholders.',
  ].join('\n');
  const lines: string[] = [];
  if (input.personName) lines.push(`Customer: ${safeForPrompt(input.personName, lang)}${input.stage ? ` (stage: ${input.stage})` : ''}`);
  const history = input.history.slice(-HISTORY_LIMIT);
  if (history.length > 0) {
    lines.push('', 'Earlier messages (oldest first):');
    for (const item of history) lines.push(`${item.direction === 'in' ? 'Customer' : 'Us'}: ${safeForPrompt(item.text, lang)}`);
  }
  const knowledge = input.knowledge.slice(0, KNOWLEDGE_LIMIT);
  if (knowledge.length > 0) {
    lines.push('', 'Knowledge base (use what fits, ignore the rest):');
    for (const item of knowledge) lines.push(`- ${safeForPrompt(item.title, lang)}: ${safeForPrompt(item.text, lang)}`);
  }
  lines.push('', `They wrote: ${safeForPrompt(input.message, lang)}`, '', 'Your reply:');
  return [
    { role: 'system', content: system },
    { role: 'user', content: lines.join('\n') },
  ];
}
