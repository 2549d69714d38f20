/**
 * Everything the reply help of one tab works from: the subject on screen, the contact, the public
 * conversation it belongs to, the values templates are filled with, and the Move-to-DM plans.
 */
import { browser } from 'wxt/browser';
import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { findIdentity } from '@/lib/db/identities';
import type { Contact, Conversation, ReplyClaim } from '@/lib/model';
import { resolveLanguage } from '@/lib/i18n/translate';
import { messageLanguage } from '@/lib/replies/language';
import { planMoveToDm, type MoveToDmPlan } from '@/lib/replies/move-to-dm';
import { sensitiveValuesOf, type ReplyChannel, type SensitiveValue } from '@/lib/replies/public-safety';
import { findSensitive, type SensitiveFinding } from '@/lib/replies/sensitive';
import type { TemplateValues } from '@/lib/replies/template-fill';
import { isKnownPerson } from '@/lib/sites/shared/unknown-person';
import { siteSpecs } from '@/lib/sites/site-specs';
import { readSettings } from '@/lib/settings/storage';
import type { BackgroundServices } from './handlers';
import { dmSentFor } from './replies-dm-state';
import { chosenSubject, readReplySubject, type ReplySubject } from './replies-subject';
import { readTabState, type TabState } from './tab-state';

export interface ReplyContext {
  tab: TabState;
  subject: ReplySubject | null;
  contact: Contact | undefined;
  publicConversation: Conversation | undefined;
  findings: SensitiveFinding[];
  lang: 'en' | 'ja';
  /** The language of the message itself (`lang` differs when the agent asked for the other one). */
  messageLang: 'en' | 'ja';
  agentName: string | undefined;
  /** What templates are filled with before the agent's own values. */
  values: TemplateValues;
  /** The reply box on this page: a DM is private, a post or comment thread public. */
  channel: ReplyChannel;
  /** Everything the customers wrote here, which public text must not repeat. */
  customerTexts: string[];
  sensitiveValues: SensitiveValue[];
  /** What is done, so texts may say so: a DM was sent (the linked private conversation holds a message of ours), what the agent ticked. */
  done: ReplyClaim[];
}

/** What the panel says about the reply: which message, the other language, what the agent ticked as done. */
export interface ReplyChoices {
  choice?: number;
  lang?: 'en' | 'ja';
  done?: readonly ReplyClaim[];
}


/** "Head of Support at Acme | Speaker" → "Acme". */
export function companyFromHeadline(headline: string | undefined): string | undefined {
  const match = /(?:^|\s)(?:at|@)\s+([^|,·•\n]+?)\s*(?:[|,·•\n]|$)/i.exec(headline ?? '');
  const company = match?.[1]?.trim();
  return company === undefined || company === '' ? undefined : company;
}

/** The contact of the message's author; never the page's person when someone else wrote it (a commenter on a post). */
async function contactOf(services: BackgroundServices, tab: TabState, subject: ReplySubject | null): Promise<Contact | undefined> {
  const author = subject?.author;
  if (author && isKnownPerson(author)) {
    const identity = await findIdentity(services.db, tab.page.site, author.handle);
    if (identity) return contacts.get(services.db, identity.contactId);
    if (tab.person && tab.person.handle.toLowerCase() !== author.handle.toLowerCase()) return undefined;
  }
  return tab.contactId ? contacts.get(services.db, tab.contactId) : undefined;
}

/** The name to greet the author by: their display name, else their handle (Instagram shows only that), never the post's author. */
function greetingName(subject: ReplySubject | null, contact: Contact | undefined): string | undefined {
  if (!subject) return contact?.displayName;
  const { displayName, handle } = subject.author;
  if (displayName.trim() !== '' && displayName.toLowerCase() !== handle.toLowerCase()) return displayName;
  return contact?.displayName ?? (isKnownPerson(subject.author) ? handle : undefined);
}

/** The tab's conversation with that contact, waiting ones first; else the tab's first waiting one. */
async function publicConversationOf(services: BackgroundServices, tab: TabState, contact: Contact | undefined): Promise<Conversation | undefined> {
  const found = (await Promise.all(tab.conversationIds.map((id) => conversations.get(services.db, id)))).filter(
    (conversation): conversation is Conversation => conversation !== undefined,
  );
  const waitingFirst = [...found].sort((a, b) => Number(b.status === 'waiting') - Number(a.status === 'waiting'));
  return (contact ? waitingFirst.find((conversation) => conversation.contactId === contact.id) : undefined) ?? waitingFirst[0];
}

export async function replyContext(services: BackgroundServices, tabId: number, choices: ReplyChoices = {}): Promise<ReplyContext | null> {
  const tab = await readTabState(tabId);
  if (!tab) return null;
  const subject = chosenSubject(await readReplySubject(tabId), choices.choice);
  const contact = await contactOf(services, tab, subject);
  const settings = await readSettings();
  const text = subject?.text ?? '';
  const messageLang = messageLanguage(text) ?? resolveLanguage(settings.language, browser.i18n.getUILanguage());
  const findings = findSensitive(text);
  const order = findings.find((finding) => finding.kind === 'order');
  const agentName = settings.agentName.trim() || undefined;
  const headline = contact?.headline ?? subject?.author.headline;
  const publicConversation = await publicConversationOf(services, tab, contact);
  const customerTexts = subject ? [...new Set([...subject.customerTexts, subject.text])] : [];
  const dmExists = await dmSentFor(services.db, publicConversation);
  return {
    tab,
    subject,
    contact,
    publicConversation,
    findings,
    lang: choices.lang ?? messageLang,
    messageLang,
    agentName,
    values: {
      name: greetingName(subject, contact),
      headline,
      company: contact?.company ?? companyFromHeadline(headline),
      agent_name: agentName,
      site: siteSpecs[tab.page.site].label,
      order: order ? text.slice(order.start, order.end).replace(/^[#＃]/, '') : undefined,
    },
    channel: tab.page.kind === 'conversation' ? 'private' : 'public',
    customerTexts,
    sensitiveValues: sensitiveValuesOf(customerTexts),
    done: [...new Set([...(choices.done ?? []).filter((claim) => claim !== 'dm-sent'), ...(dmExists ? (['dm-sent'] as const) : [])])],
  };
}

/** The Move-to-DM plan for the subject, as far as we know whether they can be messaged; null with no one to write to. */
export function moveToDmPlanOf(context: ReplyContext, canMessage: boolean | 'unknown'): MoveToDmPlan | null {
  const { subject } = context;
  if (!subject || !isKnownPerson(subject.author)) return null;
  return planMoveToDm({
    site: context.tab.page.site,
    person: { handle: subject.author.handle, profileUrl: subject.author.profileUrl, displayName: subject.author.displayName },
    publicThreadUrl: subject.url,
    publicText: subject.text,
    findings: context.findings,
    lang: context.lang,
    agentName: context.agentName,
    canMessage,
    dmSent: context.done.includes('dm-sent'),
  });
}
