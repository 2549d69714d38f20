import { z } from 'zod';
import { idSchema, replyClaimSchema } from '@/lib/model';
import { insertResultSchema, insertTargetSchema, langSchema, replyProviderViewSchema, repliesViewSchema } from '@/lib/views/replies';
import { route, type Protocol } from './route';

const nothing = z.object({});
/** Values the agent typed for variables the panel could not fill: `{ order: 'A-1042' }`. */
const variableValuesSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(500));

/** What the panel says about the reply: which message, the other language on request, what the agent ticked as done. */
const replyChoicesSchema = {
  choice: z.number().int().nonnegative().max(50).optional(),
  lang: langSchema.optional(),
  done: z.array(replyClaimSchema).max(8).default([]),
};

const endpointSchema = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]);

/** Requests of the panel about replies: suggestions, inserting them, sensitive content, Move to DM. */
export const repliesProtocol = {
  'replies.view': route(z.object({ values: variableValuesSchema.default({}), ...replyChoicesSchema }), repliesViewSchema),
  /**
   * Puts the filled text into the tab's reply box, never sends: `replace` (the default) takes out the
   * suggestion inserted before, `add` joins it with a separator. Public text goes through the safety gate.
   */
  'replies.insert': route(
    z.object({
      target: insertTargetSchema,
      values: variableValuesSchema.default({}),
      ...replyChoicesSchema,
      mode: z.enum(['replace', 'add']).default('replace'),
      /** The agent confirmed a text longer than the site allows. */
      overLimitConfirmed: z.boolean().default(false),
    }),
    insertResultSchema,
  ),
  /**
   * `dm`: the acknowledgement into the public reply box, the private channel opened in a new tab (its
   * composer filled once it reports its page), the two conversations linked and the hand-off logged.
   * `alternative`: where no DM is possible, the public ask (or the connection-request acknowledgement,
   * with the profile opened for the note) instead.
   */
  'replies.move-to-dm': route(
    z.object({ mode: z.enum(['dm', 'alternative']), choice: replyChoicesSchema.choice }),
    z.object({ publicInserted: z.boolean(), opened: z.string().nullable() }),
  ),
  /** Starts a generated reply (the provider must be on); the panel then asks for its progress. */
  'replies.generate': route(z.object({ choice: replyChoicesSchema.choice, lang: replyChoicesSchema.lang }), z.object({ generationId: idSchema })),
  'replies.generation': route(
    z.object({ generationId: idSchema }),
    z.object({ text: z.string(), done: z.boolean(), error: z.string().nullable() }),
  ),
  'replies.provider.get': route(nothing, replyProviderViewSchema),
  /** `apiKey` left out keeps the stored key; an empty string removes it. */
  'replies.provider.save': route(
    z.object({ enabled: z.boolean(), endpoint: endpointSchema, model: z.string().trim().max(200), apiKey: z.string().trim().max(500).optional() }),
    replyProviderViewSchema,
  ),
} satisfies Protocol;
