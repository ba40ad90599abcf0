import { describe, expect, it } from 'vitest';
import { linkableNeeds, partAuthorChoices, projectFieldProblems, reportFieldProblems, scaleUpProblem } from './project-form-rules';
import { filtersOf } from './project-filters';
import { projectPaths } from './project-paths';

const valid = { title: 'Welfare di filiera', summary: '', strands: ['services' as const], targetGroups: [], startOn: '2026-01-01', endOn: '2026-12-31' };

describe('the project form', () => {
  it('accepts a titled project with a strand and ordered dates', () => {
    expect(projectFieldProblems(valid)).toEqual({});
    expect(projectFieldProblems({ ...valid, startOn: '', endOn: '' })).toEqual({});
    expect(projectFieldProblems({ ...valid, endOn: valid.startOn })).toEqual({});
  });

  it('names each field that is wrong: title missing or too short, no strand, end before start', () => {
    expect(projectFieldProblems({ ...valid, title: '  ' })).toEqual({ title: 'required' });
    expect(projectFieldProblems({ ...valid, title: 'ab' })).toEqual({ title: 'tooShort' });
    expect(projectFieldProblems({ ...valid, strands: [] })).toEqual({ strands: 'required' });
    expect(projectFieldProblems({ ...valid, endOn: '2025-12-31' })).toEqual({ endOn: 'datesOutOfOrder' });
  });
});

describe("the list's filters from the address", () => {
  it('reads the Italian parameters into the contract filters', () => {
    const id = '6f1c0c8e-2b9a-4c33-9d7e-0a1b2c3d4e5f';
    const filters = filtersOf(new URLSearchParams(`distretto=${id}&stato=running&ambito=housing&destinatari=older_people&finanziamento=esf_plus`));
    expect(filters).toMatchObject({ districtId: id, status: 'running', strand: 'housing', targetGroup: 'older_people', fundingKind: 'esf_plus' });
  });

  it("reads a partner organization's projects from the address the organization's link makes", () => {
    const id = '6f1c0c8e-2b9a-4c33-9d7e-0a1b2c3d4e5f';
    expect(filtersOf(new URLSearchParams(projectPaths.listOfOrganization(id).split('?')[1]))).toMatchObject({ organizationId: id });
    expect(filtersOf(new URLSearchParams('organizzazione=coop-alfa'))).not.toHaveProperty('organizationId');
  });

  it('drops values the contract does not know, so a hand-edited address never makes the list fail', () => {
    const filters = filtersOf(new URLSearchParams('distretto=pinerolo&stato=flying&ambito=&finanziamento=bitcoin'));
    expect(filters).toEqual({ districtId: undefined, status: undefined, strand: undefined, targetGroup: undefined, fundingKind: undefined });
  });
});

describe('the progress report form', () => {
  const report = { periodStart: '2026-01-01', periodEnd: '2026-03-31', text: 'Avviati i laboratori.' };

  it('accepts a period in order (one day too) and a text', () => {
    expect(reportFieldProblems(report)).toEqual({});
    expect(reportFieldProblems({ ...report, periodEnd: report.periodStart })).toEqual({});
  });

  it('names the missing period ends, an end before the start and an empty text', () => {
    expect(reportFieldProblems({ periodStart: '', periodEnd: '', text: ' \n' })).toEqual({ periodStart: 'required', periodEnd: 'required', text: 'required' });
    expect(reportFieldProblems({ ...report, periodEnd: '2025-12-31' })).toEqual({ periodEnd: 'datesOutOfOrder' });
  });
});

describe('whom a part of the project is written for', () => {
  const partners = [
    { organizationId: 'lead', organizationName: 'Comune capofila' },
    { organizationId: 'coop', organizationName: 'Cooperativa Alfa' },
    { organizationId: 'coop', organizationName: 'Cooperativa Alfa' },
    { organizationId: 'firm', organizationName: 'Impresa Beta' },
  ];

  it('lets the lead and the coordinators write for the whole project or any partner, each once', () => {
    expect(partAuthorChoices({ access: { canEdit: true, ownOrganizationIds: [] }, partners })).toEqual([
      { organizationId: null, organizationName: null },
      { organizationId: 'lead', organizationName: 'Comune capofila' },
      { organizationId: 'coop', organizationName: 'Cooperativa Alfa' },
      { organizationId: 'firm', organizationName: 'Impresa Beta' },
    ]);
  });

  it('lets a partner write only for its own organization, never for the whole project', () => {
    expect(partAuthorChoices({ access: { canEdit: false, ownOrganizationIds: ['coop'] }, partners })).toEqual([{ organizationId: 'coop', organizationName: 'Cooperativa Alfa' }]);
  });

  it('offers nothing (so no form) to a reader outside the partnership', () => {
    expect(partAuthorChoices({ access: { canEdit: false, ownOrganizationIds: [] }, partners })).toEqual([]);
  });
});

describe('the needs a project may still link', () => {
  const project = { districts: [{ id: 'd1' }], needLinks: [{ needId: 'linked' }] };
  const need = (id: string, districtId: string | null, status = 'open') => ({ id, districtId, status });

  it('keeps the needs of its districts not linked yet, answered or open, and drops closed ones', () => {
    const found = [need('linked', 'd1'), need('free', 'd1'), need('served', 'd1', 'answered_by_service'), need('closed', 'd1', 'closed'), need('elsewhere', 'd2'), need('nowhere', null)];
    expect(linkableNeeds(found, project).map((row) => row.id)).toEqual(['free', 'served']);
  });
});

describe('where a scale-up goes', () => {
  it('needs at least one municipality or district, either will do', () => {
    expect(scaleUpProblem({ municipalityCodes: [], districtIds: [] })).toBe('required');
    expect(scaleUpProblem({ municipalityCodes: ['001184'], districtIds: [] })).toBeNull();
    expect(scaleUpProblem({ municipalityCodes: [], districtIds: ['d2'] })).toBeNull();
  });
});
