import type { ChangeNotifier } from './notifier';

/**
 * Tells subscribers a workspace's version grew, coalescing: at most one notification per workspace in
 * flight from this process, carrying the newest version when it goes out. Under a burst of pushes the
 * database sees a handful of NOTIFYs instead of one per push, and every subscriber still learns the newest
 * version (a change event means "pull", so intermediate versions need not be told).
 */
export interface ChangeAnnouncer {
  announce(workspaceId: string, version: number): void;
  /** Resolves once nothing is in flight (for shutdown and tests). */
  settled(): Promise<void>;
}

export function createChangeAnnouncer(notifier: ChangeNotifier, onError: (error: unknown) => void): ChangeAnnouncer {
  const pending = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();

  function send(workspaceId: string): void {
    const version = pending.get(workspaceId);
    if (version === undefined) return;
    pending.delete(workspaceId);
    const sending = notifier
      .publish({ type: 'change', workspaceId, version })
      .catch(onError)
      .finally(() => {
        inFlight.delete(workspaceId);
        send(workspaceId);
      });
    inFlight.set(workspaceId, sending);
  }

  return {
    announce(workspaceId, version) {
      pending.set(workspaceId, Math.max(version, pending.get(workspaceId) ?? 0));
      if (!inFlight.has(workspaceId)) send(workspaceId);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
  };
}
