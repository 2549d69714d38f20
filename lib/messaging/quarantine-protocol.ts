import { z } from 'zod';
import { idSchema } from '@/lib/model';
import { refusedChangeViewSchema } from '@/lib/views/sync';
import { route } from './route';

export type { RefusedChangeView } from '@/lib/views/sync';

const byMutation = z.object({ mutationId: idSchema });
const done = z.object({ ok: z.literal(true) });

/** The options page's "Changes the team server refused": list them, put one back in the outbox, or discard it. */
export const quarantineProtocol = {
  'sync.quarantine.list': route(
    z.object({}),
    z.object({ changes: z.array(refusedChangeViewSchema), unreadable: z.number().int().nonnegative() }),
  ),
  'sync.quarantine.retry': route(byMutation, done),
  'sync.quarantine.discard': route(byMutation, done),
} as const;
