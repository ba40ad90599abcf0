import { queryOptions } from '@tanstack/react-query';
import { ZHome } from '../../../common/contracts/home';
import { api } from '../../app/api-client';

/**
 * The signed-in person's next things to do (GET /api/home). Read again each time the home opens: its counts come from
 * every module (an action done on a group's page, a referral answered), and those modules cannot know the home's key.
 */
export const homeQuery = queryOptions({
  queryKey: ['home'],
  queryFn: ({ signal }) => api.get('/api/home', ZHome, { signal }),
  staleTime: 0,
});
