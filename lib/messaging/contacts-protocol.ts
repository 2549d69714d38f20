import { z } from 'zod';
import { contactStageSchema, idSchema, siteSchema } from '@/lib/model';
import { contactDetailSchema, contactFactsSchema, contactRowSchema, contactSearchAnswerSchema } from '@/lib/views/contacts';
import { route } from './route';

/** The contact list of the options page, and the facts the panel edits. */
export const contactsProtocol = {
  'contacts.search': route(
    z.object({
      text: z.string().max(200),
      stage: contactStageSchema.optional(),
      site: z.optional(siteSchema),
      limit: z.number().int().min(1).max(20_000),
    }),
    contactSearchAnswerSchema,
  ),
  'contact.detail': route(z.object({ contactId: idSchema }), contactDetailSchema),
  'contact.facts': route(z.object({ contactId: idSchema, facts: contactFactsSchema }), contactDetailSchema),
  /** Contacts met on another site under the same name as this one: the panel's "Same person as…". */
  'contacts.same-person': route(z.object({ contactId: idSchema }), z.object({ rows: z.array(contactRowSchema).max(20) })),
  /** Folds `foldedId` into `keptId`; asking again after it happened changes nothing. */
  'contacts.merge': route(z.object({ keptId: idSchema, foldedId: idSchema }), contactDetailSchema),
} as const;
