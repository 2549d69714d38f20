import type { PresenceActivity, PresenceEventData } from './wire';

export interface PresenceEntry {
  agentId: string;
  agentName: string;
  conversationKey: string;
  activity: PresenceActivity;
  expiresAtMs: number;
}

/**
 * Who is viewing or replying where, as the event stream last said, forgotten at expiry. One entry
 * per agent: an agent is in one conversation at a time, so a new event replaces the old one.
 */
export function createPresenceTable(now: () => number = Date.now) {
  const byAgent = new Map<string, PresenceEntry>();
  const listeners = new Set<() => void>();

  const live = (entry: PresenceEntry) => entry.expiresAtMs > now();

  function notify(): void {
    for (const listener of listeners) listener();
  }

  /** Applies one presence event; an event that has already expired means the agent left. */
  function apply(event: PresenceEventData): void {
    const entry: PresenceEntry = {
      agentId: event.agentId,
      agentName: event.agentName,
      conversationKey: event.conversationKey,
      activity: event.activity,
      expiresAtMs: Date.parse(event.expiresAt),
    };
    const previous = byAgent.get(entry.agentId);
    if (live(entry)) byAgent.set(entry.agentId, entry);
    else if (previous?.conversationKey === entry.conversationKey) byAgent.delete(entry.agentId);
    else return;
    notify();
  }

  /** The other agents present in a conversation, replying ones first. */
  function inConversation(conversationKey: string, exceptAgentId?: string): PresenceEntry[] {
    return [...byAgent.values()]
      .filter((entry) => entry.conversationKey === conversationKey && entry.agentId !== exceptAgentId && live(entry))
      .sort((a, b) => (a.activity === b.activity ? a.agentName.localeCompare(b.agentName) : a.activity === 'replying' ? -1 : 1));
  }

  /** Drops expired entries; returns whether anything went. Call it on a timer to refresh views. */
  function prune(): boolean {
    let removed = false;
    for (const [agentId, entry] of byAgent) {
      if (!live(entry)) {
        byAgent.delete(agentId);
        removed = true;
      }
    }
    if (removed) notify();
    return removed;
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { apply, inConversation, prune, subscribe, clear: () => byAgent.clear() };
}

export type PresenceTable = ReturnType<typeof createPresenceTable>;
