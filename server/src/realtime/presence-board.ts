import type { PresenceEventData } from '@/lib/sync/wire';
import type { ChangeNotifier } from './notifier';

/**
 * Who is viewing or replying where, as this process has heard over the notifier (its own posts
 * included), so that a new subscriber starts with everyone currently present. Never stored.
 */
export interface PresenceBoard {
  current(workspaceId: string): PresenceEventData[];
  /** Forgets an agent's presence at once (revocation); returns what it forgot. */
  dropAgent(workspaceId: string, agentId: string): PresenceEventData[];
  stop(): void;
}

export function createPresenceBoard(notifier: ChangeNotifier, now: () => Date): PresenceBoard {
  const byWorkspace = new Map<string, Map<string, PresenceEventData>>();
  const revokedAgents = new Set<string>();

  const unsubscribe = notifier.subscribe((event) => {
    if (event.type !== 'presence') return;
    // A revoked agent's presence never comes back, even if a notification of it arrives late.
    if (revokedAgents.has(event.presence.agentId)) return;
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
    dropAgent(workspaceId, agentId) {
      revokedAgents.add(agentId);
      const entries = byWorkspace.get(workspaceId);
      if (!entries) return [];
      const dropped: PresenceEventData[] = [];
      for (const [key, presence] of entries) {
        if (presence.agentId !== agentId) continue;
        entries.delete(key);
        dropped.push(presence);
      }
      if (entries.size === 0) byWorkspace.delete(workspaceId);
      return dropped;
    },
    stop: unsubscribe,
  };
}
