import { useId, useState } from 'react';
import type { SyncStatus } from '@/lib/views/sync';
import { useLocalisation } from '../i18n';

export interface ConnectionCheck {
  ok: boolean;
  workspace: { name: string } | null;
  agent: { name: string } | null;
  error: string | null;
}

/** "Synced 2 min ago", "Offline, retrying in 30 s", "Token refused", … in the page's language. */
export function statusLine(status: SyncStatus, nowMs: number, t: ReturnType<typeof useLocalisation>['t'], language: string): string {
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  const ago = (iso: string) => {
    const minutes = Math.round((Date.parse(iso) - nowMs) / 60_000);
    return Math.abs(minutes) < 1 ? relative.format(Math.round((Date.parse(iso) - nowMs) / 1000), 'second') : relative.format(minutes, 'minute');
  };
  switch (status.state) {
    case 'off':
      return t('syncOff');
    case 'syncing':
      return t('syncSyncing');
    case 'idle':
      return status.lastSyncAt ? t('syncSynced', ago(status.lastSyncAt)) : t('syncConnected');
    case 'offline': {
      const seconds = status.nextAttemptAt ? Math.max(0, Math.round((Date.parse(status.nextAttemptAt) - nowMs) / 1000)) : null;
      return seconds === null ? t('syncOffline') : t('syncOfflineRetry', new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(seconds));
    }
    case 'error':
      return /token|401|403|unauthori[sz]ed|forbidden|refused/i.test(status.lastError ?? '') ? t('syncTokenRefused') : t('syncError', status.lastError ?? '');
  }
}

/** The team backend form: URL, token (never shown back), test, connect or disconnect, and the status line. */
export function TeamConnection({
  status,
  check,
  busy,
  nowMs,
  onTest,
  onConnect,
  onDisconnect,
  onSyncNow,
}: {
  status: SyncStatus | null;
  check: ConnectionCheck | null;
  busy: boolean;
  nowMs: number;
  onTest: (backendUrl: string, token: string) => void;
  onConnect: (backendUrl: string, token: string) => void;
  onDisconnect: () => void;
  onSyncNow: () => void;
}) {
  const { t, n, language } = useLocalisation();
  const id = useId();
  const [url, setUrl] = useState(status?.backendUrl ?? '');
  const [token, setToken] = useState('');
  const connected = status !== null && status.state !== 'off';
  const ready = URL.canParse(url) && token.trim().length >= 8;

  function submit(event: { preventDefault: () => void }) {
    event.preventDefault();
    if (ready) onConnect(url.trim(), token.trim());
  }

  return (
    <form className="editor" onSubmit={submit} data-testid="team-connection" aria-describedby={`${id}-status`}>
      <p className="hint">{t('syncHelp')}</p>
      <p id={`${id}-status`} role="status" data-testid="sync-status" className={status?.state === 'error' ? 'error' : 'status'}>
        {status ? statusLine(status, nowMs, t, language) : ''}
        {status?.workspace ? ` · ${t('syncWorkspace', status.workspace.name)}` : ''}
        {connected && status.pendingChanges > 0 ? ` · ${n('syncPending', status.pendingChanges)}` : ''}
      </p>
      {!connected && (
        <>
          <label>
            {t('syncUrl')}
            <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://replyline.example.com" autoComplete="url" />
          </label>
          <label>
            {t('syncToken')}
            <input type="password" value={token} onChange={(event) => setToken(event.target.value)} autoComplete="off" />
          </label>
        </>
      )}
      {check && (
        <p role="status" className={check.ok ? 'status' : 'error'} data-testid="sync-check">
          {check.ok ? t('syncCheckOk', check.workspace?.name ?? '', check.agent?.name ?? '') : t('syncCheckFailed', check.error ?? '')}
        </p>
      )}
      <div className="actions">
        {connected ? (
          <>
            <button type="button" disabled={busy} onClick={onSyncNow}>
              {t('syncNow')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={onDisconnect}>
              {t('syncDisconnect')}
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy || !ready} onClick={() => onTest(url.trim(), token.trim())}>
              {t('syncTest')}
            </button>
            <button type="submit" className="primary" disabled={busy || !ready}>
              {t('syncConnect')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
