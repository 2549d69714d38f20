import { useState } from 'react';
import { errorText } from './error-text';

/**
 * One action at a time for an options section: `busy` while it runs, its failure as readable text
 * in `error`, and `afterEach` (a reload, say) once it succeeded.
 */
export function useBusyAction(afterEach?: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
      await afterEach?.();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
