import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPactDetail } from '../../../common/contracts/pacts';
import { pactQuery } from './pacts.queries';

/** A write on a pact: each answers with the whole pact, which replaces the page's copy; the lists refetch on their next visit. */
export function usePactMutation<Input>(pactId: string, write: (input: Input) => Promise<TPactDetail | undefined>, onDone?: (pact: TPactDetail) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (pact) => {
      // undefined: the person cancelled the password prompt; nothing was written.
      if (!pact) return;
      queryClient.setQueryData(pactQuery(pactId).queryKey, pact);
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'diff', pactId] });
      onDone?.(pact);
    },
  });
}
