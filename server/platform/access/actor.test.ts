import { describe, expect, it } from 'vitest';
import { ANONYMOUS, coordinatedDistrictIdsOf, organizationIdsOf, systemActor, type Actor } from './actor';

const person: Actor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'persona@example.test',
  grants: [
    { role: 'organization_admin', districtId: null, organizationId: 'org-a' },
    { role: 'organization_member', districtId: null, organizationId: 'org-a' },
    { role: 'organization_member', districtId: null, organizationId: 'org-b' },
    { role: 'district_coordinator', districtId: 'district-1', organizationId: null },
    { role: 'district_coordinator', districtId: 'district-1', organizationId: null },
    { role: 'platform_admin', districtId: null, organizationId: null },
  ],
};

describe('the organizations and districts an actor works for', () => {
  it('lists each organization once, of any organization role or only of the roles asked', () => {
    expect(organizationIdsOf(person)).toEqual(['org-a', 'org-b']);
    expect(organizationIdsOf(person, ['organization_admin'])).toEqual(['org-a']);
    expect(organizationIdsOf(person, ['organization_member'])).toEqual(['org-a', 'org-b']);
  });

  it('lists each coordinated district once', () => {
    expect(coordinatedDistrictIdsOf(person)).toEqual(['district-1']);
  });

  it('is empty for anyone not a person (the system acts everywhere by its own rule)', () => {
    for (const actor of [ANONYMOUS, systemActor('jobs')]) {
      expect(organizationIdsOf(actor)).toEqual([]);
      expect(coordinatedDistrictIdsOf(actor)).toEqual([]);
    }
  });
});
