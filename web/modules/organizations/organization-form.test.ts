import { describe, expect, it } from 'vitest';
import { toOrganizationBody, validateOrganizationForm, type OrganizationFormValues } from './organization-form';

const empty: OrganizationFormValues = {
  legalName: '', shortName: '', kind: '', fiscalCode: '', vatNumber: '', sizeClass: '', activityCode: '', address: '', postalCode: '',
  municipalityCode: '', website: '', email: '', pec: '', phone: '', notes: '', description: '', tags: '', status: 'active',
};

describe('validateOrganizationForm', () => {
  it('requires the legal name and the kind', () => {
    expect(validateOrganizationForm(empty)).toEqual({ legalName: { key: 'required' }, kind: { key: 'required' } });
  });

  it('explains a fiscal code whose check digit does not match', () => {
    const problems = validateOrganizationForm({ ...empty, legalName: 'Comune di Torino', kind: 'municipality', fiscalCode: '00514490020' });
    expect(problems).toEqual({ fiscalCode: { key: 'fiscalCodeCheckDigit', expected: '8', found: '0' } });
    expect(validateOrganizationForm({ ...empty, legalName: 'Comune di Torino', kind: 'municipality', fiscalCode: '00514490010' })).toEqual({});
  });

  it('checks formats of the optional fields', () => {
    const problems = validateOrganizationForm({ ...empty, legalName: 'X Y', kind: 'firm', email: 'nope', website: 'example.org', postalCode: '1012', activityCode: '8810', fiscalCode: '123' });
    expect(Object.keys(problems).sort()).toEqual(['activityCode', 'email', 'fiscalCode', 'postalCode', 'website']);
  });
});

describe('toOrganizationBody', () => {
  it('turns empty strings into null and tags into a list', () => {
    const body = toOrganizationBody({ ...empty, legalName: ' Aurora ', kind: 'aps', tags: 'Anziani, , cultura' });
    expect(body).toMatchObject({ legalName: 'Aurora', fiscalCode: null, tags: ['anziani', 'cultura'], status: 'active' });
  });
});
