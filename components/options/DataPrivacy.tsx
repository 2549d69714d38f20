import { useId, useState } from 'react';
import type { CsvTable, DataSummary, ImportAnswer, RestoreAnswer } from '@/lib/views/options';
import { useLocalisation } from '../i18n';
import { ImportContacts, type ImportRequest } from './ImportContacts';

export interface DataEvents {
  onExportBackup: () => void;
  onRestore: (json: string) => void;
  onImport: (request: ImportRequest) => void;
  onExportCsv: (table: CsvTable) => void;
  onErase: () => void;
}

const STORE_KEYS = {
  contacts: 'storeContacts',
  identities: 'storeIdentities',
  notes: 'storeNotes',
  conversations: 'storeConversations',
  messages: 'storeMessages',
  slaPolicies: 'storeSlaPolicies',
  templates: 'storeTemplates',
  articles: 'storeArticles',
  followUps: 'storeFollowUps',
} as const;

/** What is stored and where; backup, restore, import, CSV exports and erasing everything. */
export function DataPrivacy({
  summary,
  syncing,
  busy,
  restoreReport,
  importReport,
  ...events
}: { summary: DataSummary | null; /** A team backend is connected: local changes wait for it. */ syncing: boolean; busy: boolean; restoreReport: RestoreAnswer | null; importReport: ImportAnswer | null } & DataEvents) {
  const { t } = useLocalisation();
  const id = useId();
  const word = t('eraseWord');
  const [typed, setTyped] = useState('');

  return (
    <div className="data">
      <p>{t('dataWhere')}</p>
      <p className="notice">{t('dataNothingLeaves')}</p>
      {summary && (
        <table className="counts" data-testid="store-counts">
          <caption>{t('dataCounts')}</caption>
          <tbody>
            {(Object.keys(STORE_KEYS) as Array<keyof typeof STORE_KEYS>).map((store) => (
              <tr key={store}>
                <th scope="row">{t(STORE_KEYS[store])}</th>
                <td data-testid={`count-${store}`}>{summary.stores[store]}</td>
              </tr>
            ))}
            {syncing && (
              <tr>
                <th scope="row">{t('storeOutbox')}</th>
                <td data-testid="count-outbox">{summary.outbox}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}

      <h3>{t('dataBackup')}</h3>
      <div className="actions">
        <button type="button" data-testid="export-backup" disabled={busy} onClick={events.onExportBackup}>
          {t('dataExportJson')}
        </button>
        <label>
          {t('dataRestore')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="restore-file"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(events.onRestore);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      {restoreReport && (
        <div className="report" role="status" data-testid="restore-report">
          {restoreReport.ok ? (
            <p>{t('dataRestored', String(restoreReport.written), String(restoreReport.unchanged))}</p>
          ) : (
            <>
              <p className="error">{t('dataRestoreRefused', String(restoreReport.issues.length))}</p>
              <ul>
                {restoreReport.issues.slice(0, 200).map((issue, index) => (
                  <li key={index}>{issue}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <h3>{t('dataImport')}</h3>
      <ImportContacts report={importReport} busy={busy} onImport={events.onImport} />

      <h3>{t('dataCsv')}</h3>
      <div className="actions">
        {(['contacts', 'notes', 'conversations'] as const).map((table) => (
          <button key={table} type="button" data-testid={`csv-export-${table}`} disabled={busy} onClick={() => events.onExportCsv(table)}>
            {t(`dataCsv_${table}`)}
          </button>
        ))}
      </div>

      <h3>{t('dataErase')}</h3>
      <p>{t('dataEraseHelp', word)}</p>
      <div className="actions">
        <label htmlFor={`${id}-erase`}>{t('dataEraseType', word)}</label>
        <input id={`${id}-erase`} data-testid="erase-word" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        <button
          type="button"
          className="danger"
          data-testid="erase"
          disabled={busy || typed.trim() !== word}
          onClick={() => {
            setTyped('');
            events.onErase();
          }}
        >
          {t('dataEraseButton')}
        </button>
      </div>
    </div>
  );
}
