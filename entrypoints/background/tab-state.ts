import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { idSchema, personSchema } from '@/lib/model';
import { pageSummarySchema } from '@/lib/views/panel';

/** What each tab shows, kept in session storage so a restarted service worker still knows. */
export const tabStateSchema = z.object({
  page: pageSummarySchema,
  person: z.nullable(personSchema),
  /** The signed-in account, when the page is about it (one's own profile). */
  self: z.nullable(personSchema).default(null),
  contactId: idSchema.nullable(),
  /** The conversations this page shows (threads, comment threads, inbox rows). */
  conversationIds: z.array(idSchema).default([]),
  /** What "track this" would track here: the page's post, or its person. */
  trackable: z
    .object({ threadKey: z.string(), kind: z.enum(['conversation', 'post', 'comment', 'profile']) })
    .nullable()
    .default(null),
});
export type TabState = z.infer<typeof tabStateSchema>;

const itemFor = (tabId: number) => storage.defineItem<unknown>(`session:tab-${tabId}`);

export async function readTabState(tabId: number): Promise<TabState | null> {
  const parsed = tabStateSchema.safeParse(await itemFor(tabId).getValue());
  return parsed.success ? parsed.data : null;
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await itemFor(tabId).setValue(state);
}

export async function forgetTab(tabId: number): Promise<void> {
  await itemFor(tabId).removeValue();
}
