import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TProject } from '../../../common/contracts/projects';
import { projectQuery } from './projects.queries';

/**
 * A write on a project: every project write answers with the whole project, which replaces the page's copy; the list
 * and the map are refetched on their next visit.
 */
export function useProjectMutation<Input>(projectId: string, write: (input: Input) => Promise<TProject>, onDone?: (project: TProject) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (project) => {
      queryClient.setQueryData(projectQuery(projectId).queryKey, project);
      void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['projects', 'map'] });
      onDone?.(project);
    },
  });
}
