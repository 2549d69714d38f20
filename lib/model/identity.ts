import { z } from 'zod';
import { siteSchema } from './page-context';
import { idSchema, recordBaseSchema } from './common';

/** A contact's account on one site; (site, handle) is unique and canonical. */
export const identitySchema = recordBaseSchema.extend({
  contactId: idSchema,
  site: siteSchema,
  handle: z.string().min(1).max(200),
  profileUrl: z.string().max(2000),
  displayName: z.string().max(200),
});
export type Identity = z.infer<typeof identitySchema>;
