import type { Handlers } from '@/lib/messaging/handle';
import type { syncProtocol } from '@/lib/messaging/sync-protocol';
import type { SyncService } from './sync-service';

/** The options page's team-backend requests. The token goes in and is never given back. */
export function syncHandlers(sync: SyncService): Handlers<typeof syncProtocol> {
  return {
    async 'sync.status'() {
      return sync.status();
    },

    async 'sync.test'({ backendUrl, token }) {
      const { ok, me, error } = await sync.test({ backendUrl, token });
      return { ok, workspace: me?.workspace ?? null, agent: me?.agent ?? null, error };
    },

    async 'sync.configure'({ backendUrl, token }) {
      if (backendUrl === null || token === null) {
        await sync.configure(null);
        return sync.status();
      }
      const check = await sync.test({ backendUrl, token });
      if (!check.ok) return { ...(await sync.status()), state: 'error' as const, lastError: check.error };
      await sync.configure({ backendUrl, token });
      return sync.status();
    },

    async 'sync.now'() {
      await sync.syncNow();
      return sync.status();
    },
  };
}
