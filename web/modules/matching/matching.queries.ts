import { queryOptions } from '@tanstack/react-query';
import {
  ZCoverageReport,
  ZGroupDetail,
  ZProposal,
  ZProposalList,
  ZReferralList,
  ZReferralReport,
  ZReferral,
  type TProposalCreate,
  type TReferralTransition,
} from '../../../common/contracts/matching';
import { ZNeed } from '../../../common/contracts/needs';
import { ZServiceSearchPage } from '../../../common/contracts/services';
import type { ZoneKind } from '../../../common/domain/matching';
import { api, buildUrl, type QueryValue } from '../../app/api-client';

export interface CoverageFilters {
  districtId: string;
  /** What a zone of the analysis is: a municipality, the whole district, or each zone of the zoning `zoningId`. */
  zoneKind: ZoneKind;
  zoningId: string;
  categoryCode: string;
  radiusKm: number;
  threshold: number;
  periodDays: number;
}

const coverageQueryOf = (filters: CoverageFilters): Record<string, QueryValue> => ({
  districtId: filters.districtId,
  zoneKind: filters.zoneKind,
  zoningId: filters.zoneKind === 'zoning' ? filters.zoningId : undefined,
  categoryCode: filters.categoryCode || undefined,
  radiusKm: filters.radiusKm,
  threshold: filters.threshold,
  periodDays: filters.periodDays,
});

export function coverageQuery(filters: CoverageFilters) {
  return queryOptions({
    queryKey: ['matching', 'coverage', filters],
    queryFn: ({ signal }) => api.get('/api/matching/coverage', ZCoverageReport, { signal, query: coverageQueryOf(filters) }),
  });
}

export const coverageCsvUrl = (filters: CoverageFilters) => buildUrl('/api/matching/coverage.csv', coverageQueryOf(filters));

export function groupDetailQuery(group: {
  districtId: string;
  zoneKind: ZoneKind;
  zoningId: string | undefined;
  zoneKey: string;
  categoryCode: string;
  targetGroup: string;
  radiusKm: number;
}) {
  return queryOptions({
    queryKey: ['matching', 'group', group],
    queryFn: ({ signal }) => api.get('/api/matching/group', ZGroupDetail, { signal, query: { ...group } }),
  });
}

export function proposalsQuery(districtId: string | null) {
  return queryOptions({
    queryKey: ['matching', 'proposals', districtId],
    queryFn: ({ signal }) => api.get('/api/matching/proposals', ZProposalList, { signal, query: { districtId: districtId ?? undefined } }).then((list) => list.items),
  });
}

export function proposalQuery(id: string) {
  return queryOptions({
    queryKey: ['matching', 'proposal', id],
    queryFn: ({ signal }) => api.get(`/api/matching/proposals/${encodeURIComponent(id)}`, ZProposal, { signal }),
  });
}

export const createProposal = (input: TProposalCreate) => api.post('/api/matching/proposals', ZProposal, input);
export const respondToProposal = (id: string, input: { organizationId: string; role: 'requester' | 'provider'; response: 'interested' | 'not_interested'; comment: string }) =>
  api.post(`/api/matching/proposals/${encodeURIComponent(id)}/responses`, ZProposal, input);
export const agreeProposal = (id: string, input: { version: number; notes: string }) =>
  api.post(`/api/matching/proposals/${encodeURIComponent(id)}/agreement`, ZProposal, input);

/** The referrals the reader may see, of one district or (null) of all. */
export function referralsQuery(districtId: string | null) {
  const query = districtId ? `?districtId=${encodeURIComponent(districtId)}` : '';
  return queryOptions({
    queryKey: ['matching', 'referrals', 'list', districtId],
    queryFn: ({ signal }) => api.get(`/api/matching/referrals${query}`, ZReferralList, { signal }),
  });
}
export function referralReportQuery(districtId: string | null) {
  const query = districtId ? `?districtId=${encodeURIComponent(districtId)}` : '';
  return queryOptions({
    queryKey: ['matching', 'referrals', 'report', districtId],
    queryFn: ({ signal }) => api.get(`/api/matching/referrals/report${query}`, ZReferralReport, { signal }),
  });
}
export function referralQuery(id: string) {
  return queryOptions({
    queryKey: ['matching', 'referral', id],
    queryFn: ({ signal }) => api.get(`/api/matching/referrals/${encodeURIComponent(id)}`, ZReferral, { signal }),
  });
}
export const transitionReferral = (id: string, input: TReferralTransition) =>
  api.post(`/api/matching/referrals/${encodeURIComponent(id)}/transitions`, ZReferral, input);

export function needQuery(id: string) {
  return queryOptions({
    queryKey: ['needs', id],
    queryFn: ({ signal }) => api.get(`/api/needs/${encodeURIComponent(id)}`, ZNeed, { signal }),
  });
}

/** Within this distance (km) of a need's municipality the referral page proposes services. */
export const REFERRAL_SEARCH_RADIUS_KM = 20;

/** Active services of the need's category near its municipality (or whose area covers it), nearest first. */
export function referralCandidatesQuery(categoryCode: string, municipalityCode: string) {
  return queryOptions({
    queryKey: ['services', 'referral-candidates', categoryCode, municipalityCode],
    queryFn: ({ signal }) =>
      api
        .get('/api/services', ZServiceSearchPage, { signal, query: { category: categoryCode, near: municipalityCode, radiusKm: REFERRAL_SEARCH_RADIUS_KM, pageSize: 50 } })
        .then((page) => page.items),
  });
}

