import { useEffect, useState } from 'react';
import { Dashboard, filtersOf, type DashboardFilterForm } from '@/components/options/Dashboard';
import type { MetricsView } from '@/lib/views/options';
import { sendToBackground } from '@/lib/messaging/send';
import { downloadText } from '../download';
import { errorText } from '../error-text';

function localDay(date: Date): string {
  return `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The last 30 days by default. */
function initialForm(): DashboardFilterForm {
  const today = new Date();
  const from = new Date(today);
  from.setDate(from.getDate() - 29);
  return { site: '', owner: '', from: localDay(from), to: localDay(today) };
}

export function DashboardSection() {
  const [form, setForm] = useState(initialForm);
  const [answer, setAnswer] = useState<{ form: DashboardFilterForm; metrics: MetricsView; owners: Array<string | null> } | null>(null);
  const [error, setError] = useState<{ form: DashboardFilterForm; text: string } | null>(null);
  const busy = answer?.form !== form && error?.form !== form;

  useEffect(() => {
    void sendToBackground('metrics.compute', filtersOf(form, Intl.DateTimeFormat().resolvedOptions().timeZone)).then(
      (result) => setAnswer({ form, ...result }),
      (failure: unknown) => setError({ form, text: errorText(failure) }),
    );
  }, [form]);

  return (
    <>
      {error?.form === form && <p className="error" role="alert">{error.text}</p>}
      <Dashboard
        metrics={answer?.metrics ?? null}
        owners={answer?.owners ?? []}
        busy={busy}
        form={form}
        onApply={setForm}
        onDownload={(fileName, csv) => downloadText(fileName, csv, 'text/csv')}
      />
    </>
  );
}
