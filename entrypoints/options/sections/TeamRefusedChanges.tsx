import { useCallback, useEffect, useState } from 'react';
import { RefusedChanges } from '@/components/options/RefusedChanges';
import { useNow } from '@/components/use-now';
import type { RefusedChangeView } from '@/lib/views/sync';
import { sendToBackground } from '@/lib/messaging/send';
import { errorText } from '../error-text';
import { useBusyAction } from '../use-busy-action';

const POLL_MS = 5000;

/** The Team section's list of changes the team server refused, kept fresh while the page is open. */
export function TeamRefusedChanges() {
  const [list, setList] = useState<{ changes: RefusedChangeView[]; unreadable: number } | null>(null);
  const now = useNow(POLL_MS);

  const reload = useCallback(async () => setList(await sendToBackground('sync.quarantine.list', {})), []);
  const { busy, error, setError, run: act } = useBusyAction(reload);

  useEffect(() => {
    void sendToBackground('sync.quarantine.list', {}).then(setList, (failure: unknown) => setError(errorText(failure)));
  }, [now, setError]);

  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      {list && (
        <RefusedChanges
          changes={list.changes}
          unreadable={list.unreadable}
          busy={busy}
          onRetry={(mutationId) => void act(() => sendToBackground('sync.quarantine.retry', { mutationId }))}
          onDiscard={(mutationId) => void act(() => sendToBackground('sync.quarantine.discard', { mutationId }))}
        />
      )}
    </>
  );
}
