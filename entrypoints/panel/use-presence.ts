import { useEffect, useRef } from 'react';
import { sendToBackground } from '@/lib/messaging/send';
import type { PanelView } from '@/lib/views/panel';

/** Under the backend's 60 s expiry, so a teammate's warning does not flicker between announcements. */
export const REANNOUNCE_MS = 45_000;

/** The conversation the panel is about, for the team: the page's thread, post or profile; an inbox's rows are not "viewed". */
export function shownConversationId(view: PanelView | null): string | null {
  if (!view?.page || view.page.kind === 'inbox') return null;
  return view.conversations[0]?.id ?? null;
}

/**
 * Tells the background which conversation this panel shows, again every REANNOUNCE_MS while the tab
 * is visible, and that it shows none once it moves on or the page goes away.
 */
export function useShowingPresence(conversationId: string | null): void {
  const announced = useRef(false);
  useEffect(() => {
    const say = (id: string | null) => {
      if (id === null && !announced.current) return;
      announced.current = id !== null;
      sendToBackground('conversation.showing', { conversationId: id }).catch(() => undefined);
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const announce = () => {
      clearInterval(timer);
      if (conversationId === null || document.visibilityState !== 'visible') return;
      say(conversationId);
      timer = setInterval(() => say(conversationId), REANNOUNCE_MS);
    };
    const onVisibility = () => announce();
    const onPageHide = () => say(null);
    if (conversationId === null) say(null);
    else announce();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [conversationId]);
}
