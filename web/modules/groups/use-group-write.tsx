import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { GROUPS_KEY } from './groups.queries';

/**
 * A write of a groups form or button: the previous notice and error are cleared and the controls wait (`isBusy`)
 * while `work` runs; what `work` returns is the notice to show (empty for none), the error it throws is kept (for
 * `useFieldProblems` and `WriteOutcome`), and every groups query is refreshed after a write that succeeded.
 */
export function useGroupWrite() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [isBusy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
      await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { run, error, notice, isBusy };
}

/** What became of a write: its notice, announced politely, and the server's error if it failed. */
export function WriteOutcome({ notice, error }: { notice: string; error: unknown }) {
  return (
    <>
      <div role="status" className="mt-2">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </>
  );
}
