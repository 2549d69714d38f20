import { z } from 'zod';
import { contactStageSchema, idSchema, siteSchema } from '@/lib/model';
import { contactDetailSchema, contactFactsSchema, contactSearchAnswerSchema } from '@/lib/views/contacts';
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
  /** Folds `foldedId` into `keptId`; asking again after it happened changes nothing. */
  'contacts.merge': route(z.object({ keptId: idSchema, foldedId: idSchema }), contactDetailSchema),
} as const;
