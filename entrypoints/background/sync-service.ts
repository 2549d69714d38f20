import { browser } from 'wxt/browser';
import type { ReplicaClock } from '@/lib/db/clock';
import type { ReplylineDb } from '@/lib/db/open';
import { onRecordsChanged } from '@/lib/db/changes';
import { outboxSize } from '@/lib/db/outbox';
import { readSyncState, resetSyncState } from '@/lib/db/sync-state';
import type { SyncStatus } from '@/lib/views/sync';
import { readBackendSettings, writeBackendSettings, type BackendSettings } from '@/lib/settings/backend';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { createPresenceTable } from '@/lib/sync/presence';
import { syncEvents } from '@/lib/sync/sse';
import { isSyncDue, syncStatusOf } from '@/lib/sync/status';
import { createSyncTransport, type SyncTransport } from '@/lib/sync/transport';
import type { MeResponse, PresenceActivity } from '@/lib/sync/wire';
import { createPresenceAnnouncer } from './presence-announcer';
import { attachTeam } from './views';

const WRITE_DEBOUNCE_MS = 1_500;
const CHANGE_DEBOUNCE_MS = 500;

interface Connection {
  settings: BackendSettings;
  transport: SyncTransport;
  engine: SyncEngine;
  me: MeResponse | null;
  stop: AbortController;
}

/**
 * The team backend, from the service worker: pushes local writes (debounced), pulls on the backend's
 * change events and on the alarm, keeps presence, and reports its state for the popup and options.
 * Everything it needs to resume lives in IndexedDB and extension storage.
 */
/**
 * `onPresenceChange`: a teammate's presence changed, which the panels show. Pulled records need no
 * callback: applying them emits the records-changed event (lib/db/changes.ts) like any write.
 */
export function createSyncService({ db, clock, onPresenceChange }: { db: ReplylineDb; clock: ReplicaClock; onPresenceChange: () => void }) {
  const presence = createPresenceTable();
  /** Agents' names as presence told them, kept across expiry: an owner is named even when away. */
  const names = new Map<string, string>();
  let connection: Connection | null = null;
  let syncing = false;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Tells the team who is looking at or answering a conversation; expires on the server by itself. */
  async function announce(conversationKey: string, activity: PresenceActivity | 'left'): Promise<void> {
    await connection?.transport.presence({ conversationKey, activity }).catch(() => undefined);
  }
  const announcer = createPresenceAnnouncer({ announce });
  // A closed tab's panel cannot always say it left (its last message dies with it): the browser tells us.
  browser.tabs.onRemoved.addListener((tabId) => void announcer.tabClosed(tabId));

  async function runSync(current: Connection): Promise<void> {
    syncing = true;
    try {
      await current.engine.syncOnce();
    } finally {
      syncing = false;
    }
  }

  async function alreadyPulled(version: number): Promise<boolean> {
    return version <= (await readSyncState(db)).cursor;
  }

  function listen(current: Connection): void {
    let newestAnnounced = 0;
    void (async () => {
      const events = syncEvents({ open: (signal) => current.transport.openEvents(signal), signal: current.stop.signal, onOpen: () => void runSync(current) });
      for await (const event of events) {
        if (event.type === 'presence') {
          names.set(event.data.agentId, event.data.agentName);
          presence.apply(event.data);
          onPresenceChange();
        } else {
          // Our own pushes come back as change events too; a version the cursor has passed needs no pull.
          newestAnnounced = Math.max(newestAnnounced, event.data.version);
          if (await alreadyPulled(newestAnnounced)) continue;
          clearTimeout(changeTimer);
          changeTimer = setTimeout(() => {
            void (async () => {
              if (!(await alreadyPulled(newestAnnounced))) await runSync(current);
            })();
          }, CHANGE_DEBOUNCE_MS);
        }
      }
    })().catch(() => undefined);
  }

  async function connect(settings: BackendSettings): Promise<void> {
    disconnect();
    const transport = createSyncTransport({ baseUrl: settings.backendUrl, token: settings.token });
    const current: Connection = { settings, transport, engine: createSyncEngine({ db, clock, transport }), me: null, stop: new AbortController() };
    connection = current;
    current.me = await transport.me().catch(() => null);
    listen(current);
  }

  function disconnect(): void {
    connection?.stop.abort();
    connection = null;
    presence.clear();
    announcer.clear();
  }

  /** Who we are on the backend, asked again if the backend was unreachable when we connected. */
  async function whoAmI(): Promise<MeResponse['agent'] | null> {
    const current = connection;
    if (!current) return null;
    current.me ??= await current.transport.me().catch(() => null);
    return current.me?.agent ?? null;
  }

  attachTeam(db, () => {
    if (!connection) return null;
    const me = connection.me?.agent;
    return {
      me: me ? { id: me.id, name: me.name } : null,
      nameOf: (agentId) => names.get(agentId) ?? null,
      presentIn: (conversationKey, exceptAgentId) => presence.inConversation(conversationKey, exceptAgentId),
    };
  });

  /** A local write committed: push it soon (several writes in a burst go together). */
  function schedulePush(): void {
    const current = connection;
    if (!current) return;
    clearTimeout(writeTimer);
    writeTimer = setTimeout(() => {
      void (async () => {
        if (isSyncDue(await readSyncState(db), Date.now()) && (await outboxSize(db)) > 0) await runSync(current);
      })();
    }, WRITE_DEBOUNCE_MS);
  }

  // The push is scheduled by committed local writes only: never by reads, nor by changes pulled from the team.
  onRecordsChanged(db, (change) => {
    if (change.origin === 'local') schedulePush();
  });

  const service = {
    presence,

    /** An entry went back into the outbox without a record write (a refused change retried): push it soon. */
    pushSoon: schedulePush,

    /** Resumes the configured connection after a service-worker start. */
    async start(): Promise<void> {
      const settings = await readBackendSettings();
      if (settings) await connect(settings);
    },

    async test(settings: BackendSettings): Promise<{ ok: boolean; me: MeResponse | null; error: string | null }> {
      try {
        const me = await createSyncTransport({ baseUrl: settings.backendUrl, token: settings.token }).me();
        return { ok: true, me, error: null };
      } catch (error) {
        return { ok: false, me: null, error: error instanceof SyncError ? `${error.kind}: ${error.message}` : String(error) };
      }
    },

    /** Connects to a backend (after a successful test) or, with null, disconnects; a new backend starts its cursor over. */
    async configure(settings: BackendSettings | null): Promise<void> {
      disconnect();
      await writeBackendSettings(settings);
      await resetSyncState(db);
      if (settings) {
        await connect(settings);
        if (connection) await runSync(connection);
      }
    },

    /** The alarm: the fallback when the event stream is down or the worker restarted. */
    async onAlarm(): Promise<void> {
      if (!connection) await this.start();
      const current = connection;
      if (current && isSyncDue(await readSyncState(db), Date.now())) await runSync(current);
    },

    async syncNow(): Promise<void> {
      if (connection) await runSync(connection);
    },

    announce,

    /** A tab's panel shows this conversation (null: none any more); it says so again every so often. */
    showConversation: (tabId: number, conversationKey: string | null) => announcer.show(tabId, conversationKey),

    /** A reply went into the tab's composer through the panel: the team sees us replying there. */
    replyingIn: (tabId: number) => announcer.replying(tabId),

    agent: whoAmI,
    /** Teammates the presence stream has named since the worker started (the backend lists agents to admins only). */
    teammates: (): Array<{ id: string; name: string }> => (connection ? [...names].map(([id, name]) => ({ id, name })) : []),

    async status(): Promise<SyncStatus> {
      const current = connection;
      if (!current) {
        return { state: 'off', backendUrl: null, lastSyncAt: null, lastError: null, nextAttemptAt: null, pendingChanges: await outboxSize(db), workspace: null, agent: null };
      }
      const state = await readSyncState(db);
      const pendingChanges = await outboxSize(db);
      const summary = syncStatusOf(state, pendingChanges, Date.now());
      return {
        state: syncing ? 'syncing' : summary.kind === 'needs-token' ? 'error' : summary.kind === 'retrying' ? 'offline' : 'idle',
        backendUrl: current.settings.backendUrl,
        lastSyncAt: state.lastSyncAt,
        lastError: state.lastError ? `${state.lastError.kind}: ${state.lastError.message}` : null,
        nextAttemptAt: state.nextAttemptAt,
        pendingChanges,
        workspace: current.me?.workspace ?? null,
        agent: current.me?.agent ?? null,
      };
    },
  };
  return service;
}

export type SyncService = ReturnType<typeof createSyncService>;
