import { z } from 'zod';
import { contactStageSchema, idSchema, noteBodySchema, tagListSchema } from '@/lib/model';
import { pageRequests } from './page-protocol';
import { route } from './route';
import { contactViewSchema, noteViewSchema, panelViewSchema, pendingItemSchema, recentContactSchema } from './views';

export { tabProtocol, type TabProtocol } from './page-protocol';
export type { Protocol, RequestOf, RequestType, ResponseOf } from './route';

const nothing = z.object({});
const done = z.object({ ok: z.literal(true) });

/** Requests to the background, from content scripts, the panel, the popup and the options page. */
export const backgroundProtocol = {
  ...pageRequests,
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
  'pending.list': route(nothing, z.array(pendingItemSchema)),
} as const;

export type BackgroundProtocol = typeof backgroundProtocol;

/** Pushed from the background to a tab's panel over its port. */
export const panelPushSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('view'), view: panelViewSchema })]);
export type PanelPush = z.infer<typeof panelPushSchema>;
export const PANEL_PORT_NAME = 'replyline-panel';
