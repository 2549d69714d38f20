import { useEffect, useState } from 'react';
import { ReplyProvider } from '@/components/options/ReplyProvider';
import { TeamConnection, type ConnectionCheck } from '@/components/options/TeamConnection';
import type { ReplyProviderView } from '@/lib/views/replies';
import type { SyncStatus } from '@/lib/views/sync';
import { useNow } from '@/components/use-now';
import { sendToBackground } from '@/lib/messaging/send';
import { errorText } from '../error-text';
import { useBusyAction } from '../use-busy-action';
import { TeamRefusedChanges } from './TeamRefusedChanges';

const POLL_MS = 5000;

export function TeamSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const { busy, error, setError, run } = useBusyAction();
  const now = useNow(POLL_MS);
  const [provider, setProvider] = useState<ReplyProviderView | null>(null);

  useEffect(() => {
    void sendToBackground('replies.provider.get', {}).then(setProvider, (failure: unknown) => setError(errorText(failure)));
  }, [setError]);

  useEffect(() => {
    void sendToBackground('sync.status', {}).then(setStatus, (failure: unknown) => setError(errorText(failure)));
  }, [now, setError]);

  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <TeamConnection
        status={status}
        check={check}
        busy={busy}
        nowMs={now}
        onTest={(backendUrl, token) => void run(async () => setCheck(await sendToBackground('sync.test', { backendUrl, token })))}
        onConnect={(backendUrl, token) => void run(async () => setStatus(await sendToBackground('sync.configure', { backendUrl, token })))}
        onDisconnect={() => void run(async () => setStatus(await sendToBackground('sync.configure', { backendUrl: null, token: null })))}
        onSyncNow={() => void run(async () => setStatus(await sendToBackground('sync.now', {})))}
      />
      <TeamRefusedChanges />
      {provider ? (
        <ReplyProvider
          value={provider}
          onSave={async (fields) => {
            await sendToBackground('replies.provider.save', fields);
            setProvider(await sendToBackground('replies.provider.get', {}));
          }}
        />
      ) : null}
    </>
  );
}
