import './style.css';
import { useCallback, useEffect, useState } from 'react';
import { useNow } from '@/components/use-now';
import { browser } from 'wxt/browser';
import { formatDayAndTime, useLocalisation } from '@/components/i18n';
import { PendingList } from '@/components/popup/PendingList';
import type { PendingActions } from '@/components/popup/PendingRow';
import { RecentContacts } from '@/components/popup/RecentContacts';
import { sendToBackground } from '@/lib/messaging/send';
import type { PendingPage, RecentContact } from '@/lib/views/popup';
import { mountLocalisedApp } from '@/lib/settings/localised-app';

const RECENT_LIMIT = 20;

function Popup() {
  const { t, language } = useLocalisation();
  const nowMs = useNow();
  const [pending, setPending] = useState<PendingPage | null>(null);
  const [recent, setRecent] = useState<RecentContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure));
  const reload = useCallback(() => {
    sendToBackground('pending.list', {}).then(setPending).catch(fail);
  }, []);

  useEffect(() => {
    reload();
    sendToBackground('contacts.recent', { limit: RECENT_LIMIT }).then(setRecent).catch(fail);
  }, [reload]);

  const openUrl = (url: string) => {
    sendToBackground('tab.open', { url })
      .then(() => window.close())
      .catch(fail);
  };

  const actions: PendingActions = {
    onOpen: (item) => {
      const conversationIds = item.places.map((place) => place.conversationId);
      if (conversationIds.length === 0) return openUrl(item.url);
      sendToBackground('conversation.open', { conversationIds, url: item.url })
        .then(() => window.close())
        .catch(fail);
    },
    onPriority: (item, priority) => {
      if (!item.conversationId) return;
      sendToBackground('conversation.priority', { conversationId: item.conversationId, priority })
        .then(reload)
        .catch(fail);
    },
    onSnooze: (item, until) => {
      if (!item.conversationId) return;
      sendToBackground('conversation.snooze', { conversationId: item.conversationId, until: until.toISOString() })
        .then(reload)
        .catch(fail);
    },
    onDone: (item, checkInAt) => {
      const request =
        item.kind === 'follow-up' ? sendToBackground('follow-up.done', { followUpId: item.id })
        : item.conversationId ? sendToBackground('conversation.resolve', { conversationId: item.conversationId, checkInAt: checkInAt?.toISOString() ?? null })
        : Promise.resolve();
      request.then(reload).catch(fail);
    },
  };

  const waiting = pending?.items.filter((item) => item.status !== 'snoozed') ?? [];
  const snoozed = pending?.items.filter((item) => item.status === 'snoozed') ?? [];

  return (
    <main className="popup">
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </header>
      {error ? <p className="error" role="alert">{t('panelError', error)}</p> : null}
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">
          {t('popupPending')}
          {pending && pending.waitingCount > 0 ? <span className="count"> {pending.waitingCount}</span> : null}
        </h2>
        {pending ? <PendingList items={waiting} nowMs={nowMs} actions={actions} /> : <p className="empty">{t('loading')}</p>}
        {pending && pending.snoozedCount > 0 ? (
          <details className="snoozed" data-testid="snoozed">
            <summary>{t('popupSnoozed', String(pending.snoozedCount))}</summary>
            <ul className="rows">
              {snoozed.map((item) => (
                <li key={item.id} className="row">
                  <span className="row-title">{item.personName}</span>
                  <span className="row-meta">{item.snoozedUntil ? t('popupSnoozedUntil', formatDayAndTime(item.snoozedUntil, language)) : null}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('popupRecent')}</h2>
        {recent ? <RecentContacts contacts={recent} onOpen={openUrl} /> : <p className="empty">{t('loading')}</p>}
      </section>
    </main>
  );
}

mountLocalisedApp(document.getElementById('root'), <Popup />);
