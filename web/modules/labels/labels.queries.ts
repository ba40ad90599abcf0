import { queryOptions } from '@tanstack/react-query';
import { ZLabelVerification } from '../../../common/contracts/labels';
import { api } from '../../app/api-client';

/** A label's public verification (no sign-in); an unknown code answers 404. */
export function labelVerificationQuery(code: string) {
  return queryOptions({
    queryKey: ['labels', 'verify', code],
    queryFn: ({ signal }) => api.get(`/api/labels/verify/${encodeURIComponent(code)}`, ZLabelVerification, { signal }),
    retry: false,
  });
}

/** The badge's address, for the embed snippet and the page's own picture. */
export const labelBadgePath = (code: string) => `/api/labels/badge/${encodeURIComponent(code)}.svg`;
