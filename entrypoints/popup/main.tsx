import './style.css';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLocalisation } from '@/components/i18n';
import { PendingList } from '@/components/popup/PendingList';
import { RecentContacts } from '@/components/popup/RecentContacts';
import { sendToBackground } from '@/lib/messaging/send';
import type { PendingItem, RecentContact } from '@/lib/messaging/views';
import { mountLocalisedApp } from '@/lib/settings/localised-app';

const RECENT_LIMIT = 20;

function Popup() {
  const { t } = useLocalisation();
  const [pending, setPending] = useState<PendingItem[] | null>(null);
  const [recent, setRecent] = useState<RecentContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([sendToBackground('pending.list', {}), sendToBackground('contacts.recent', { limit: RECENT_LIMIT })])
      .then(([pendingItems, contacts]) => {
        setPending(pendingItems);
        setRecent(contacts);
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, []);

  const open = (url: string) => {
    void browser.tabs.create({ url });
    window.close();
  };

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
        <h2 id="pending-heading">{t('popupPending')}</h2>
        {pending ? <PendingList items={pending} onOpen={open} /> : <p className="empty">{t('loading')}</p>}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('popupRecent')}</h2>
        {recent ? <RecentContacts contacts={recent} onOpen={open} /> : <p className="empty">{t('loading')}</p>}
      </section>
    </main>
  );
}

mountLocalisedApp(document.getElementById('root'), <Popup />);
