import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { CURRENT_DISTRICT_MEMBERSHIPS_VIEW, createDistrict, currentMemberOrganizationIds, districtsModule, isCurrentDistrictMember } from '.';

/**
 * ADR 0020: one definition of a current membership — accepted, started, not ended — in the view every module reads.
 * A membership in any other state grants nothing.
 */
describe('current district memberships (finding 3)', () => {
  let t: TestApp;
  let districtId: string;
  const organizations: Record<string, string> = {};
  const CASES = {
    invited: { status: 'invited', startedOn: '2025-01-01', endedOn: null },
    requested: { status: 'requested', startedOn: '2025-01-01', endedOn: null },
    declined: { status: 'declined', startedOn: '2025-01-01', endedOn: null },
    withdrawn: { status: 'withdrawn', startedOn: '2025-01-01', endedOn: null },
    acceptedEnded: { status: 'accepted', startedOn: '2024-01-01', endedOn: '2024-12-31' },
    acceptedFuture: { status: 'accepted', startedOn: '2999-01-01', endedOn: null },
    current: { status: 'accepted', startedOn: '2025-01-01', endedOn: null },
  } as const;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    districtId = (await createDistrict(t.system, { name: 'Distretto di prova', municipalityCodes: ['001191'] })).id;
    for (const [name, membership] of Object.entries(CASES)) {
      organizations[name] = (await createOrganization(t.system, { legalName: `Organizzazione ${name}`, kind: 'aps', municipalityCode: '001191' })).id;
      await t.db.pool.query(
        `insert into district_memberships (district_id, organization_id, role, started_on, ended_on, status, requested_by)
         values ($1, $2, 'member', $3, $4, $5, 'district')`,
        [districtId, organizations[name], membership.startedOn, membership.endedOn, membership.status],
      );
    }
  });
  afterAll(() => t.close());

  it('finding 3: pending, declined, withdrawn, ended and future memberships are not current; accepted and started is', async () => {
    const rows = await t.db.pool.query(`select organization_id from ${CURRENT_DISTRICT_MEMBERSHIPS_VIEW} where district_id = $1`, [districtId]);
    expect(rows.rows.map((row) => row.organization_id)).toEqual([organizations.current]);
    expect(await currentMemberOrganizationIds(t.db.orm, districtId, Object.values(organizations))).toEqual([organizations.current]);
    for (const [name, id] of Object.entries(organizations)) {
      expect(await isCurrentDistrictMember(t.db.orm, districtId, id!), name).toBe(name === 'current');
    }
  });

  it('finding 3: a pending membership grants nothing: the district page lists only the current member', async () => {
    const page = (await t.app.inject({ url: `/api/districts/${districtId}` })).json();
    expect(page.members.map((member: { organizationId: string }) => member.organizationId)).toEqual([organizations.current]);
    const directory = (await t.app.inject({ url: `/api/organizations?districtId=${districtId}` })).json();
    expect(directory.items.map((item: { id: string }) => item.id)).toEqual([organizations.current]);
  });

  it('a membership without a status is refused: every insert says whether it is proposed or accepted', async () => {
    await expect(
      t.db.pool.query(`insert into district_memberships (district_id, organization_id, role) values ($1, $2, 'member')`, [districtId, organizations.current]),
    ).rejects.toThrow(/status/);
  });
});
