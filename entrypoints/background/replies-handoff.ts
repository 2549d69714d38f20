/**
 * Move to DM, after the private channel opened in a new tab: when that tab's content script reports
 * its page, the private message goes into its composer (unless the URL already carried it) and the
 * public conversation is linked to the private one that capture made of the page.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { linkConversations } from '@/lib/db/conversation-actions';
import { conversations } from '@/lib/db/conversations';
import { idSchema, isoDateTimeSchema, type PageContext } from '@/lib/model';
import { sendToTab } from '@/lib/messaging/send';
import type { BackgroundServices } from './handlers';
import { writeReplySubject, subjectOfPage } from './replies-subject';
import type { TabState } from './tab-state';

/** Long enough to press the profile's Message button and let the conversation load. */
export const HANDOFF_TTL_MS = 15 * 60_000;

export const pendingHandOffSchema = z.object({
  site: z.string(),
  personHandle: z.string(),
  publicConversationId: idSchema.nullable(),
  /** Still to put into the private composer; null once inserted, or when the URL carried it. */
  privateMessage: z.string().nullable(),
  linked: z.boolean(),
  /** The hand-off record (handOffLogEntry), kept with the link. */
  detail: z.string(),
  expiresAt: isoDateTimeSchema,
});
export type PendingHandOff = z.infer<typeof pendingHandOffSchema>;

const itemFor = (tabId: number) => storage.defineItem<unknown>(`session:replies-handoff-${tabId}`);

export async function readHandOff(tabId: number): Promise<PendingHandOff | null> {
  const parsed = pendingHandOffSchema.safeParse(await itemFor(tabId).getValue());
  return parsed.success ? parsed.data : null;
}

export async function writeHandOff(tabId: number, handOff: PendingHandOff | null): Promise<void> {
  if (handOff === null) await itemFor(tabId).removeValue();
  else await itemFor(tabId).setValue(handOff);
}

/** The private conversation the tab shows with that person, if capture made one of the page. */
async function privateConversationOf(services: BackgroundServices, tab: TabState, handOff: PendingHandOff): Promise<string | undefined> {
  if (tab.person && tab.person.handle.toLowerCase() !== handOff.personHandle.toLowerCase()) return undefined;
  for (const id of tab.conversationIds) {
    const conversation = await conversations.get(services.db, id);
    if (conversation?.kind === 'conversation' && conversation.site === handOff.site && id !== handOff.publicConversationId) return id;
  }
  return undefined;
}

async function continueHandOff(services: BackgroundServices, tabId: number, tab: TabState): Promise<void> {
  const handOff = await readHandOff(tabId);
  if (!handOff) return;
  if (handOff.expiresAt <= services.clock.nowIso()) {
    await writeHandOff(tabId, null);
    return;
  }
  if (handOff.privateMessage !== null) {
    const { inserted } = await sendToTab(tabId, 'composer.insert', { text: handOff.privateMessage }).catch(() => ({ inserted: false }));
    if (inserted) handOff.privateMessage = null;
  }
  if (!handOff.linked && handOff.publicConversationId !== null) {
    const privateId = await privateConversationOf(services, tab, handOff);
    if (privateId !== undefined) {
      await linkConversations(services.db, handOff.publicConversationId, privateId, services.clock);
      handOff.linked = true;
    }
  }
  const finished = handOff.privateMessage === null && (handOff.linked || handOff.publicConversationId === null);
  await writeHandOff(tabId, finished ? null : handOff);
}

/**
 * Called by the 'page.context' handler once the tab's state is written: remembers what the reply help
 * is for, and carries on a Move to DM that opened this tab. Never throws: the page report must succeed.
 */
export async function repliesAfterPageReport(services: BackgroundServices, tabId: number, context: PageContext, url: string, tab: TabState): Promise<void> {
  try {
    await writeReplySubject(tabId, subjectOfPage(context, url));
    await continueHandOff(services, tabId, tab);
  } catch (error) {
    console.error('[replyline] reply help after a page report failed', error);
  }
}
