import type { ReplicaClock } from '@/lib/db/clock';
import type { ReplylineDb } from '@/lib/db/open';
import { createRequestHandler } from '@/lib/messaging/handle';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { createChangeFollower } from './change-follower';
import { createBackgroundHandlers } from './handlers';
import type { PanelPorts } from './panel-ports';
import { createSyncService } from './sync-service';
import { createTimers } from './timers';

/**
 * The background's parts, wired as the service worker runs them (tests build the same): the timers,
 * the change follower that keeps panels and badge in step with every committed write, the team sync,
 * and the request handler. Starting the timers and the sync is the caller's.
 */
export function createBackgroundServices({ db, clock, panels }: { db: ReplylineDb; clock: ReplicaClock; panels: PanelPorts }) {
  // The timers ask the sync (made after them) who this device's agent is only when they run.
  const meAgentId = async () => (await sync.agent())?.id ?? null;
  const timers = createTimers({ db, clock, meAgentId });
  const changes = createChangeFollower({ db, clock, panels, timers });
  const sync = createSyncService({ db, clock, onPresenceChange: changes.refreshPanels });
  const handle = createRequestHandler(backgroundProtocol, createBackgroundHandlers({ db, clock, changes, timers, sync }));
  return { timers, changes, sync, handle };
}
