import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { panelPushSchema, PANEL_PORT_NAME } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { FOCUS_NOTE_FRAGMENT } from '@/lib/overlay/focus-note';
import type { PanelView } from '@/lib/views/panel';
import type { PanelActions } from '@/components/panel/Panel';
import { shownConversationId, useShowingPresence } from './use-presence';

const RECONNECT_DELAY_MS = 500;

/**
 * The panel's link to the background: the current view, kept fresh by pushes over a port that is
 * re-opened whenever the service worker goes away, and the user's actions as requests.
 */
export function usePanel() {
  const [view, setView] = useState<PanelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setView(await sendToBackground('panel.view', {}));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);

  useEffect(() => {
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
      port.onMessage.addListener((raw: unknown) => {
        const push = panelPushSchema.safeParse(raw);
        if (!push.success) return;
        setView(push.data.view);
      });
      port.onDisconnect.addListener(() => {
        if (!closed) timer = setTimeout(connect, RECONNECT_DELAY_MS);
      });
      void refresh();
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
    };
  }, [refresh]);

  useEffect(() => {
    const onFragment = () => {
      if (location.hash.startsWith(`#${FOCUS_NOTE_FRAGMENT}`)) setFocusRequest((count) => count + 1);
    };
    onFragment();
    window.addEventListener('hashchange', onFragment);
    return () => window.removeEventListener('hashchange', onFragment);
  }, []);

  /**
   * Runs one user action; a failure is shown and re-thrown, so that editors keep what was typed. The
   * view that shows its effect is pushed by the background once the write commits.
   */
  const act = useCallback(async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      throw failure;
    }
  }, []);
  const ignore = () => undefined;
  useShowingPresence(shownConversationId(view));

  const contactId = view?.contact?.id;
  const actions: PanelActions = {
    onCollapse: () => void sendToBackground('panel.collapse', {}).catch(() => undefined),
    onStageChange: (stage) => {
      if (contactId) act(() => sendToBackground('contact.update', { contactId, stage })).catch(ignore);
    },
    onTagsChange: (tags) => {
      if (contactId) act(() => sendToBackground('contact.update', { contactId, tags })).catch(ignore);
    },
    onFactsChange: async (facts) => {
      if (contactId) await act(() => sendToBackground('contact.facts', { contactId, facts }));
    },
    onAddNote: async (body) => {
      if (contactId) await act(() => sendToBackground('note.add', { contactId, body }));
    },
    onEditNote: (noteId, body) => act(() => sendToBackground('note.edit', { noteId, body })),
    onDeleteNote: (noteId) => act(() => sendToBackground('note.delete', { noteId })).catch(ignore),
    onTrack: () => void act(() => sendToBackground('conversation.track', {})).catch(ignore),
    onMarkReplied: (conversationId) => void act(() => sendToBackground('conversation.mark-replied', { conversationId })).catch(ignore),
    onResolve: (conversationId) => void act(() => sendToBackground('conversation.resolve', { conversationId, checkInAt: null })).catch(ignore),
    onReopen: (conversationId) => void act(() => sendToBackground('conversation.reopen', { conversationId })).catch(ignore),
    onAfterHoursAck: (conversationId, text) =>
      void act(() => sendToBackground('conversation.after-hours-ack', { conversationId, text })).catch(ignore),
    onPriority: (conversationId, priority) =>
      void act(() => sendToBackground('conversation.priority', { conversationId, priority })).catch(ignore),
    onAssign: (conversationId, to) => void act(() => sendToBackground('conversation.assign', { conversationId, to })).catch(ignore),
    onSnooze: (conversationId, until) =>
      void act(() => sendToBackground('conversation.snooze', { conversationId, until: until.toISOString() })).catch(ignore),
  };

  return { view, error, focusRequest, actions };
}
