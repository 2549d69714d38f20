import type { MissTally } from '@/lib/diagnostics/recognition-misses';
import { formatDayAndTime, useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { missLabelKey } from './miss-labels';

export function RecognitionMisses({ tallies, onClear }: { tallies: MissTally[]; onClear: () => void }) {
  const { t, language } = useLocalisation();
  return (
    <section aria-labelledby="diagnostics-heading" className="diagnostics">
      <h2 id="diagnostics-heading">{t('optionsDiagnostics')}</h2>
      <p className="hint">{t('optionsDiagnosticsHelp')}</p>
      {tallies.length === 0 ? (
        <p className="empty" data-testid="no-misses">{t('optionsDiagnosticsNone')}</p>
      ) : (
        <>
          <table data-testid="misses">
            <thead>
              <tr>
                <th scope="col">{t('optionsDiagnosticsSite')}</th>
                <th scope="col">{t('optionsDiagnosticsMiss')}</th>
                <th scope="col">{t('optionsDiagnosticsCount')}</th>
                <th scope="col">{t('optionsDiagnosticsLastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {tallies.map((tally) => (
                <tr key={`${tally.site}:${tally.miss}`}>
                  <td>{t(siteLabelKey[tally.site])}</td>
                  <td title={tally.miss} data-miss={tally.miss}>
                    {t(missLabelKey(tally.miss))}
                  </td>
                  <td>{tally.count}</td>
                  <td title={tally.lastUrl}>{formatDayAndTime(tally.lastSeenAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={onClear}>
            {t('optionsDiagnosticsClear')}
          </button>
        </>
      )}
    </section>
  );
}
