import type { PresenceEventData } from '@/lib/sync/wire';
import type { ChangeNotifier } from './notifier';

/**
 * Who is viewing or replying where, as this process has heard over the notifier (its own posts
 * included), so that a new subscriber starts with everyone currently present. Never stored.
 */
export interface PresenceBoard {
  current(workspaceId: string): PresenceEventData[];
  stop(): void;
}

export function createPresenceBoard(notifier: ChangeNotifier, now: () => Date): PresenceBoard {
  const byWorkspace = new Map<string, Map<string, PresenceEventData>>();

  const unsubscribe = notifier.subscribe((event) => {
    if (event.type !== 'presence') return;
    const entries = byWorkspace.get(event.workspaceId) ?? new Map<string, PresenceEventData>();
    const key = `${event.presence.agentId}\n${event.presence.conversationKey}`;
    if (Date.parse(event.presence.expiresAt) <= now().getTime()) entries.delete(key);
    else entries.set(key, event.presence);
    if (entries.size === 0) byWorkspace.delete(event.workspaceId);
    else byWorkspace.set(event.workspaceId, entries);
  });

  return {
    current(workspaceId) {
      const entries = byWorkspace.get(workspaceId);
      if (!entries) return [];
      const at = now().getTime();
      for (const [key, presence] of entries) if (Date.parse(presence.expiresAt) <= at) entries.delete(key);
      return [...entries.values()];
    },
    stop: unsubscribe,
  };
}
