import { useLocalisation } from '../i18n';

/** Every bad row of a file, by line and reason. */
export function LineProblems({ problems, title }: { problems: ReadonlyArray<{ line: number; reason: string }>; title: string }) {
  const { t } = useLocalisation();
  if (problems.length === 0) return null;
  return (
    <details className="problems" open={problems.length <= 20}>
      <summary>{title}</summary>
      <ul data-testid="line-problems">
        {problems.map((problem, index) => (
          <li key={`${String(problem.line)}-${String(index)}`}>{t('importLineProblem', String(problem.line), problem.reason)}</li>
        ))}
      </ul>
    </details>
  );
}
