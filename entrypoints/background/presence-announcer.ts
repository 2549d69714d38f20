import type { PresenceActivity } from '@/lib/sync/wire';

/** A reply put into the composer keeps the conversation "replying" this long, through the re-announcements. */
export const REPLYING_HOLD_MS = 5 * 60_000;

type Announce = (conversationKey: string, activity: PresenceActivity | 'left') => Promise<void>;

/**
 * What this browser tells the team about the conversations its tabs show: one conversation per tab,
 * 'left' once no tab shows it any more, and 'replying' (held for a while) after a reply went into
 * its composer. The panels re-announce what they show, so the server's expiry covers a lost 'left'.
 */
export function createPresenceAnnouncer({ announce, now = Date.now }: { announce: Announce; now?: () => number }) {
  const shownBy = new Map<number, string>();
  const replyingUntil = new Map<string, number>();

  const activityIn = (key: string): PresenceActivity => ((replyingUntil.get(key) ?? 0) > now() ? 'replying' : 'viewing');
  const shownElsewhere = (key: string, tabId: number) => [...shownBy].some(([tab, shown]) => tab !== tabId && shown === key);

  /** The tab shows this conversation now (null: none); called again to re-announce. */
  async function show(tabId: number, conversationKey: string | null): Promise<void> {
    const previous = shownBy.get(tabId);
    if (conversationKey === null) shownBy.delete(tabId);
    else shownBy.set(tabId, conversationKey);
    if (previous !== undefined && previous !== conversationKey && !shownElsewhere(previous, tabId)) {
      replyingUntil.delete(previous);
      await announce(previous, 'left');
    }
    if (conversationKey !== null) await announce(conversationKey, activityIn(conversationKey));
  }

  /** A reply went into the tab's composer: the conversation it shows is being answered. */
  async function replying(tabId: number): Promise<void> {
    const key = shownBy.get(tabId);
    if (key === undefined) return;
    replyingUntil.set(key, now() + REPLYING_HOLD_MS);
    await announce(key, 'replying');
  }

  return {
    show,
    replying,
    tabClosed: (tabId: number) => show(tabId, null),
    /** Forgets everything (a disconnect): the server lets what was announced expire. */
    clear(): void {
      shownBy.clear();
      replyingUntil.clear();
    },
  };
}

export type PresenceAnnouncer = ReturnType<typeof createPresenceAnnouncer>;
