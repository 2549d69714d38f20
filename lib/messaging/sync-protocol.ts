import { z } from 'zod';
import { syncStatusSchema } from '@/lib/views/sync';
import { route } from './route';

const backendUrl = z.url({ protocol: /^https?$/ }).max(500);
const token = z.string().trim().min(8).max(500);

const connectionCheck = z.object({
  ok: z.boolean(),
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  agent: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'agent']) }).nullable(),
  error: z.string().nullable(),
});

/** The team backend connection: the token is written here and never read back. */
export const syncProtocol = {
  'sync.status': route(z.object({}), syncStatusSchema),
  'sync.test': route(z.object({ backendUrl, token }), connectionCheck),
  /** Connects (checking the connection first) or, with nulls, disconnects. */
  'sync.configure': route(z.object({ backendUrl: backendUrl.nullable(), token: token.nullable() }), syncStatusSchema),
  'sync.now': route(z.object({}), syncStatusSchema),
} as const;
