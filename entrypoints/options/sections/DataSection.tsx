import { useEffect, useState } from 'react';
import { DataPrivacy } from '@/components/options/DataPrivacy';
import type { ImportRequest } from '@/components/options/ImportContacts';
import { useLocalisation } from '@/components/i18n';
import type { DataSummary, ImportAnswer, RestoreAnswer } from '@/lib/views/options';
import { sendToBackground } from '@/lib/messaging/send';
import { downloadText } from '../download';
import { errorText } from '../error-text';
import { useBusyAction } from '../use-busy-action';

export function DataSection() {
  const { t } = useLocalisation();
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [status, setStatus] = useState('');
  const [restoreReport, setRestoreReport] = useState<RestoreAnswer | null>(null);
  const [importReport, setImportReport] = useState<ImportAnswer | null>(null);
  const [syncing, setSyncing] = useState(false);

  const reload = async () => setSummary(await sendToBackground('data.summary', {}));
  const { busy, error, setError, run } = useBusyAction(reload);
  useEffect(() => {
    void sendToBackground('data.summary', {}).then(setSummary, (failure: unknown) => setError(errorText(failure)));
    // Changes "waiting to sync" mean something only while a team backend is connected.
    void sendToBackground('sync.status', {}).then((sync) => setSyncing(sync.state !== 'off'), () => setSyncing(false));
  }, [setError]);

  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <p role="status" className="saved" data-testid="data-status">{status}</p>
      <DataPrivacy
        syncing={syncing}
        summary={summary}
        busy={busy}
        restoreReport={restoreReport}
        importReport={importReport}
        onExportBackup={() =>
          void run(async () => {
            const { fileName, json } = await sendToBackground('backup.export', {});
            downloadText(fileName, json, 'application/json');
          })
        }
        onRestore={(json) => void run(async () => setRestoreReport(await sendToBackground('backup.restore', { json })))}
        onImport={(request: ImportRequest) => void run(async () => setImportReport(await sendToBackground('import.csv', request)))}
        onExportCsv={(table) =>
          void run(async () => {
            const { fileName, csv } = await sendToBackground('export.csv', { table });
            downloadText(fileName, csv, 'text/csv');
          })
        }
        onErase={() =>
          void run(async () => {
            await sendToBackground('data.erase', { confirmed: true });
            setRestoreReport(null);
            setImportReport(null);
            setStatus(t('dataErased'));
          })
        }
      />
    </>
  );
}
