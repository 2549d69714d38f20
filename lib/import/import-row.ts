import { z } from 'zod';
import { contactStageSchema, isoDateTimeSchema, noteBodySchema, siteSchema, tagListSchema } from '@/lib/model';

/** Who a row is on a site: the canonical handle and profile URL, as the site adapters make them. */
export const importIdentitySchema = z.object({
  site: siteSchema,
  handle: z.string().min(1).max(200),
  profileUrl: z.string().max(2000),
});
export type ImportIdentity = z.infer<typeof importIdentitySchema>;

/**
 * One contact as a file describes it, whatever the file: what importContacts writes. A row is
 * recognised by its identity, else by its e-mail address, so it must carry one of them: a row
 * with neither would be a new contact on every import.
 */
export const importRowSchema = z
  .object({
    /** The physical line of the file, for error reports. */
    line: z.number().int().positive(),
    displayName: z.string().trim().min(1, 'no name').max(200),
    identity: importIdentitySchema.optional(),
    email: z.email('not an e-mail address').max(320).optional(),
    phone: z.string().trim().min(1).max(100).optional(),
    company: z.string().trim().min(1).max(200).optional(),
    /** The job title (LinkedIn's Position); the headline is the profile's own tagline. */
    position: z.string().trim().min(1).max(200).optional(),
    headline: z.string().trim().min(1).max(500).optional(),
    tags: tagListSchema.optional(),
    stage: contactStageSchema.optional(),
    note: noteBodySchema.optional(),
    /** When we first knew the person (LinkedIn's Connected On), for contacts the import creates. */
    firstSeenAt: isoDateTimeSchema.optional(),
  })
  .refine((row) => row.identity !== undefined || row.email !== undefined, {
    message: 'no profile URL, handle or e-mail address to recognise the person by',
  });
export type ImportRow = z.infer<typeof importRowSchema>;

/** Why a row cannot be imported, in one line: the first problem zod found, with the field it is in. */
export function importRowProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid row';
  const field = issue.path.filter((part) => typeof part === 'string').join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}
