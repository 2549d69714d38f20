import type { ChangeNotifier } from './notifier';
import type { PresenceBoard } from './presence-board';
import type { StreamRegistry } from './stream-registry';

export interface Revocation {
  workspaceId: string;
  agentId: string;
  /** Only this token; without it, the agent and all its tokens. */
  tokenId?: string;
}

/**
 * Acts on a revocation: this process's streams of the agent (or token) close before this returns, its
 * presence is forgotten, and every other process sharing the database is told to do the same.
 */
export async function announceRevocation(
  revocation: Revocation,
  deps: { notifier: ChangeNotifier; streams: StreamRegistry; presence: PresenceBoard },
): Promise<void> {
  closeLocally(revocation, deps);
  await deps.notifier.publish({ type: 'revoked', ...revocation });
}

/** What every process does when it hears of a revocation (its own included). */
export function closeLocally(revocation: Revocation, deps: { streams: StreamRegistry; presence: PresenceBoard }): void {
  deps.streams.closeWhere(
    (stream) =>
      stream.workspaceId === revocation.workspaceId &&
      stream.agentId === revocation.agentId &&
      (revocation.tokenId === undefined || stream.tokenId === revocation.tokenId),
  );
  if (revocation.tokenId === undefined) deps.presence.dropAgent(revocation.workspaceId, revocation.agentId);
}

/** Hears revocations from every process and closes what this one holds. */
export function listenForRevocations(deps: { notifier: ChangeNotifier; streams: StreamRegistry; presence: PresenceBoard }): () => void {
  return deps.notifier.subscribe((event) => {
    if (event.type === 'revoked') closeLocally(event, deps);
  });
}
