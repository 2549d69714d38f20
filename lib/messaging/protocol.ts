import { z } from 'zod';
import { contactStageSchema, idSchema, noteBodySchema, pageContextSchema, tagListSchema } from '@/lib/model';
import { contactViewSchema, noteViewSchema, panelViewSchema, pendingItemSchema, recentContactSchema } from './views';

const nothing = z.object({});
const done = z.object({ ok: z.literal(true) });

function route<Request extends z.ZodType, Response extends z.ZodType>(request: Request, response: Response) {
  return { request, response };
}

/** Requests to the background, from content scripts, the panel, the popup and the options page. */
export const backgroundProtocol = {
  'page.context': route(z.object({ url: z.url(), context: pageContextSchema }), z.object({ contactId: idSchema.nullable() })),
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

/** Requests from the background to a tab's content script. */
export const tabProtocol = {
  'panel.open': route(z.object({ focusNote: z.boolean() }), done),
  'panel.collapse': route(nothing, done),
  /** Puts text into the page's reply box; never sends. */
  'composer.insert': route(
    z.object({ text: z.string().min(1).max(10_000) }),
    z.object({ inserted: z.boolean(), reason: z.enum(['no-composer']).optional() }),
  ),
} as const;

export type Protocol = Record<string, { request: z.ZodType; response: z.ZodType }>;
export type RequestType<P extends Protocol> = keyof P & string;
export type RequestOf<P extends Protocol, T extends RequestType<P>> = z.input<P[T]['request']>;
export type ResponseOf<P extends Protocol, T extends RequestType<P>> = z.output<P[T]['response']>;
export type BackgroundProtocol = typeof backgroundProtocol;
export type TabProtocol = typeof tabProtocol;

/** Pushed from the background to a tab's panel over its port. */
export const panelPushSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('view'), view: panelViewSchema })]);
export type PanelPush = z.infer<typeof panelPushSchema>;
export const PANEL_PORT_NAME = 'replyline-panel';
