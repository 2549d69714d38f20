import { useId, useState } from 'react';
import { contactColumns, csvHeader, guessMapping, previewImport, type ColumnMapping } from '@/lib/import/contacts-csv';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import type { ImportAnswer } from '@/lib/views/options';
import { useLocalisation } from '../i18n';
import { LineProblems } from './LineProblems';

export type ImportRequest = { format: 'linkedin'; csv: string } | { format: 'contacts'; csv: string; mapping: ColumnMapping };

const PREVIEW_ROWS = 5;

/** LinkedIn's Connections.csv or any contacts CSV (columns mapped, first rows previewed), then the report. */
export function ImportContacts({ report, busy, onImport }: { report: ImportAnswer | null; busy: boolean; onImport: (request: ImportRequest) => void }) {
  const { t, n } = useLocalisation();
  const id = useId();
  const [format, setFormat] = useState<'linkedin' | 'contacts'>('linkedin');
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const header = csv === null || format === 'linkedin' ? [] : csvHeader(csv);
  const preview = csv !== null && format === 'contacts' ? previewImport(csv, mapping, PREVIEW_ROWS) : null;
  const linkedIn = csv !== null && format === 'linkedin' ? linkedInImportRows(csv) : null;

  async function choose(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    setMapping(guessMapping(csvHeader(text)));
  }

  return (
    <div className="import" data-testid="import">
      <fieldset className="checks">
        <legend>{t('importFormat')}</legend>
        <label className="inline">
          <input type="radio" name={`${id}-format`} checked={format === 'linkedin'} onChange={() => setFormat('linkedin')} />
          {t('importLinkedIn')}
        </label>
        <label className="inline">
          <input type="radio" name={`${id}-format`} checked={format === 'contacts'} onChange={() => setFormat('contacts')} />
          {t('importGeneric')}
        </label>
      </fieldset>
      <label>
        {t('importFile')}
        <input type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(event) => void choose(event.target.files?.[0])} />
      </label>

      {preview && (
        <>
          <fieldset className="mapping">
            <legend>{t('importMapping')}</legend>
            {contactColumns.map((column) => (
              <label key={column}>
                {t(`contactField_${column}`)}
                <select
                  value={mapping[column] ?? ''}
                  onChange={(event) => {
                    const rest = Object.fromEntries(Object.entries(mapping).filter(([name]) => name !== column)) as ColumnMapping;
                    setMapping(event.target.value === '' ? rest : { ...rest, [column]: Number(event.target.value) });
                  }}
                >
                  <option value="">{t('importNotImported')}</option>
                  {header.map((name, index) => (
                    <option key={index} value={index}>
                      {name || t('importColumn', String(index + 1))}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <table className="preview-table" data-testid="import-preview">
            <caption>{n('importPreview', preview.totalRows, String(preview.rows.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importLine')}</th>
                <th scope="col">{t('contactField_name')}</th>
                <th scope="col">{t('contactField_email')}</th>
                <th scope="col">{t('contactField_company')}</th>
                <th scope="col">{t('contactField_profileUrl')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.displayName}</td>
                  <td>{row.email ?? ''}</td>
                  <td>{row.company ?? ''}</td>
                  <td>{row.identity?.profileUrl ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LineProblems problems={preview.errors} title={n('importProblemsBefore', preview.errors.length)} />
        </>
      )}
      {linkedIn && (
        <>
          <p data-testid="import-ready">{t('importReady', String(linkedIn.rows.length))}</p>
          <LineProblems problems={linkedIn.errors} title={n('importProblemsBefore', linkedIn.errors.length)} />
        </>
      )}

      <button
        type="button"
        className="primary"
        data-testid="import-run"
        disabled={csv === null || busy}
        onClick={() => {
          if (csv === null) return;
          onImport(format === 'linkedin' ? { format, csv } : { format, csv, mapping });
        }}
      >
        {t('importRun')}
      </button>

      {report && (
        <div className="report" role="status" data-testid="import-report">
          <p>{t('importDone', String(report.created), String(report.updated), String(report.skipped))}</p>
          <LineProblems problems={report.errors} title={n('importNotImportedRows', report.errors.length)} />
        </div>
      )}
    </div>
  );
}
