import { onRecordsChanged } from '@/lib/db/changes';
import type { ReplicaClock } from '@/lib/db/clock';
import type { ReplylineDb } from '@/lib/db/open';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import { sendToTab } from '@/lib/messaging/send';
import type { SyncedStoreName } from '@/lib/model';
import { inboxLists, inboxRowBadges } from './inbox-badges';
import type { PanelPorts } from './panel-ports';
import { readTabState } from './tab-state';
import type { createTimers } from './timers';
import { panelView } from './views';

/** Long enough to gather one request's transactions (a page report writes several), short enough not to be seen. */
export const CHANGE_DEBOUNCE_MS = 40;

/** The stores the badge, the breach warnings and the wake-up alarm are computed from. */
const CLOCK_STORES: ReadonlySet<SyncedStoreName> = new Set(['conversations', 'followUps', 'slaPolicies']);
/** The stores an inbox row's badge is computed from (inbox-badges.ts). */
const BADGE_STORES: ReadonlySet<SyncedStoreName> = new Set(['conversations', 'contacts', 'identities']);

/** Hands a tab its inbox badges; fails when the tab or its content script is gone. */
export type SendInboxBadges = (tabId: number, url: string, rows: RowBadge[]) => Promise<unknown>;
const sendInboxBadges: SendInboxBadges = (tabId, url, rows) => sendToTab(tabId, 'inbox.badges', { url, rows });

/**
 * The background's one reaction to committed writes, local or pulled from the team (lib/db/changes.ts):
 * every open panel gets a fresh view, tabs showing an inbox list get their rows' badges, and the badge,
 * warnings and alarm are recomputed, each at most once per burst of writes (per tab for the panels).
 * Handlers write and answer; they refresh nothing.
 */
export function createChangeFollower({ db, clock, panels, timers, sendBadges = sendInboxBadges }: {
  db: ReplylineDb;
  clock: ReplicaClock;
  panels: PanelPorts;
  timers: Pick<ReturnType<typeof createTimers>, 'refresh'>;
  sendBadges?: SendInboxBadges;
}) {
  const due = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last run per key: runs of one key go one after the other, so an older view never lands after a newer one. */
  const running = new Map<string, Promise<void>>();

  function run(key: string, work: () => Promise<void>): Promise<void> {
    const next = (running.get(key) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => console.error(`[replyline] ${key} after a change failed`, error))
      .finally(() => {
        if (running.get(key) === next) running.delete(key);
      });
    running.set(key, next);
    return next;
  }

  /** Runs `work` once `key` has been quiet for the debounce; a call meanwhile moves it later. */
  function debounce(key: string, work: () => Promise<void>): void {
    clearTimeout(due.get(key));
    due.set(
      key,
      setTimeout(() => {
        due.delete(key);
        void run(key, work);
      }, CHANGE_DEBOUNCE_MS),
    );
  }

  async function pushView(tabId: number): Promise<void> {
    const tab = await readTabState(tabId);
    if (tab) panels.push(tabId, { type: 'view', view: await panelView(db, tab, clock.nowIso()) });
  }

  const refreshPanels = () => {
    for (const tabId of panels.tabs()) debounce(`panel ${tabId}`, () => pushView(tabId));
  };

  /** Every tab showing an inbox list gets its rows' badges again; one that no longer takes them is forgotten. */
  async function pushInboxBadges(): Promise<void> {
    for (const { tabId, list } of await inboxLists.all()) {
      const rows = await inboxRowBadges(db, list);
      await sendBadges(tabId, list.url, rows).catch(() => inboxLists.remember(tabId, null));
    }
  }

  const stop = onRecordsChanged(db, (change) => {
    refreshPanels();
    if (change.stores.some((store) => CLOCK_STORES.has(store))) debounce('timers', () => timers.refresh());
    if (change.stores.some((store) => BADGE_STORES.has(store))) debounce('inbox badges', pushInboxBadges);
  });

  return {
    /**
     * The tab's own state changed (a page report, "Track this"): its panel gets the view now, and a
     * refresh already due for it is folded into this one.
     */
    async showTab(tabId: number): Promise<void> {
      const key = `panel ${tabId}`;
      clearTimeout(due.get(key));
      due.delete(key);
      await run(key, () => pushView(tabId));
    },
    /** Something every view shows changed outside the database (a teammate's presence). */
    refreshPanels,
    /** Resolves once no refresh is due or running (tests, and callers that must see the badge). */
    async settled(): Promise<void> {
      while (due.size > 0 || running.size > 0) {
        if (running.size > 0) await Promise.all(running.values());
        else await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS));
      }
    },
    stop,
  };
}

export type ChangeFollower = ReturnType<typeof createChangeFollower>;
