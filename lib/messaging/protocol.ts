import { z } from 'zod';
import { contactStageSchema, idSchema, isoDateTimeSchema, noteBodySchema, prioritySchema, tagListSchema } from '@/lib/model';
import { contactsProtocol } from './contacts-protocol';
import { optionsProtocol } from './options-protocol';
import { pageRequests } from './page-protocol';
import { quarantineProtocol } from './quarantine-protocol';
import { repliesProtocol } from './replies-protocol';
import { routingProtocol } from './routing-protocol';
import { syncProtocol } from './sync-protocol';
import { route } from './route';
import { contactViewSchema, noteViewSchema, panelViewSchema } from '@/lib/views/panel';
import { pendingPageSchema, recentContactSchema } from '@/lib/views/popup';

export { tabProtocol, type TabProtocol } from './page-protocol';
export type { Protocol, RequestOf, RequestType, ResponseOf } from './route';

const nothing = z.object({});
const done = z.object({ ok: z.literal(true) });

/** Requests to the background, from content scripts, the panel, the popup and the options page. */
export const backgroundProtocol = {
  ...pageRequests,
  ...optionsProtocol,
  ...repliesProtocol,
  ...syncProtocol,
  ...contactsProtocol,
  ...routingProtocol,
  ...quarantineProtocol,
  'panel.view': route(nothing, panelViewSchema),
  'panel.collapse': route(nothing, done),
  'contact.update': route(
    z.object({ contactId: idSchema, stage: contactStageSchema.optional(), tags: tagListSchema.optional() }),
    contactViewSchema,
  ),
  'note.add': route(z.object({ contactId: idSchema, body: noteBodySchema }), noteViewSchema),
  'note.edit': route(z.object({ noteId: idSchema, body: noteBodySchema }), noteViewSchema),
  'note.delete': route(z.object({ noteId: idSchema }), done),
  'contacts.recent': route(z.object({ limit: z.number().int().min(1).max(500) }), z.array(recentContactSchema)),
  'pending.list': route(z.object({ limit: z.number().int().min(1).max(1000).optional() }), pendingPageSchema),
  'conversation.snooze': route(z.object({ conversationId: idSchema, until: isoDateTimeSchema }), done),
  'conversation.resolve': route(
    z.object({ conversationId: idSchema, checkInAt: isoDateTimeSchema.nullable().optional() }),
    done,
  ),
  'conversation.reopen': route(z.object({ conversationId: idSchema }), done),
  'conversation.mark-replied': route(z.object({ conversationId: idSchema }), done),
  'conversation.priority': route(z.object({ conversationId: idSchema, priority: prioritySchema }), done),
  /** "Track this" on the tab's post, comment or profile. */
  'conversation.track': route(nothing, done),
  'follow-up.done': route(z.object({ followUpId: idSchema }), done),
  /**
   * Outside business hours: puts the acknowledgement into the tab's composer (never sends), remembers it
   * so that it does not count as the first response unless the policy says so, and sets a reminder for
   * when business hours start.
   */
  'conversation.after-hours-ack': route(
    z.object({ conversationId: idSchema, text: z.string().trim().min(1).max(2000) }),
    z.object({ inserted: z.boolean(), remindAt: isoDateTimeSchema.nullable() }),
  ),
  /** Makes us the conversation's owner ("Assign to me", "Take over"), or nobody ("Release"). Needs a team backend. */
  'conversation.assign': route(z.object({ conversationId: idSchema, to: z.enum(['me', 'nobody']) }), done),
  /**
   * From the panel: the conversation it shows now (null: none), said again every so often while the tab
   * is visible, so that the team sees who is viewing it. Without a team backend nothing is sent.
   */
  'conversation.showing': route(z.object({ conversationId: idSchema.nullable() }), done),
  /** Focuses the tab already showing the URL, or opens one. Only the supported sites' https pages. */
  'tab.open': route(z.object({ url: z.url({ protocol: /^https$/ }) }), done),
} as const;

export type BackgroundProtocol = typeof backgroundProtocol;

/** Pushed from the background to a tab's panel over its port. */
export const panelPushSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('view'), view: panelViewSchema })]);
export type PanelPush = z.infer<typeof panelPushSchema>;
export const PANEL_PORT_NAME = 'replyline-panel';
