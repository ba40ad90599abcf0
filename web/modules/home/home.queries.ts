import { queryOptions } from '@tanstack/react-query';
import { ZHome } from '../../../common/contracts/home';
import { api } from '../../app/api-client';

/** The signed-in person's next things to do (GET /api/home). */
export const homeQuery = queryOptions({
  queryKey: ['home'],
  queryFn: ({ signal }) => api.get('/api/home', ZHome, { signal }),
});
