import { queryOptions } from '@tanstack/react-query';
import {
  ZDistrict,
  ZDistrictBody,
  ZDistrictList,
  type TDistrictAreaUpdate,
  type TDistrictBodyCreate,
  type TDistrictBodyMemberCreate,
  type TDistrictUpdate,
} from '../../../common/contracts/districts';
import { ZMunicipalityFeatureCollection } from '../../../common/contracts/territory';
import { api } from '../../app/api-client';

export const districtsQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: ({ signal }) => api.get('/api/districts', ZDistrictList, { signal }).then((list) => list.items),
});

export function districtQuery(id: string) {
  return queryOptions({
    queryKey: ['districts', id],
    queryFn: ({ signal }) => api.get(`/api/districts/${encodeURIComponent(id)}`, ZDistrict, { signal }),
  });
}

export function districtBoundariesQuery(id: string) {
  return queryOptions({
    queryKey: ['districts', id, 'boundaries'],
    queryFn: ({ signal }) =>
      api.get(`/api/districts/${encodeURIComponent(id)}/municipalities.geojson`, ZMunicipalityFeatureCollection, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function updateDistrict(id: string, update: TDistrictUpdate) {
  return api.patch(`/api/districts/${encodeURIComponent(id)}`, ZDistrict, update);
}

export function defineDistrictArea(id: string, area: TDistrictAreaUpdate) {
  return api.patch(`/api/districts/${encodeURIComponent(id)}/area`, ZDistrict, area);
}

export function createDistrictBody(id: string, body: TDistrictBodyCreate) {
  return api.post(`/api/districts/${encodeURIComponent(id)}/bodies`, ZDistrictBody, body);
}

export function addDistrictBodyMember(id: string, bodyId: string, member: TDistrictBodyMemberCreate) {
  return api.post(`/api/districts/${encodeURIComponent(id)}/bodies/${encodeURIComponent(bodyId)}/members`, ZDistrictBody, member);
}

export function endDistrictBodyMember(id: string, bodyId: string, memberId: string, endedOn: string) {
  return api.patch(`/api/districts/${encodeURIComponent(id)}/bodies/${encodeURIComponent(bodyId)}/members/${encodeURIComponent(memberId)}`, ZDistrictBody, { endedOn });
}
