import { describe, expect, it } from 'vitest';
import type { TService } from '../../../common/contracts/services';
import { emptyServiceForm, serviceFormOf, toServiceInput } from './service-form';

const serviceStub: TService = {
  id: 's', name: 'Doposcuola', summary: '', status: 'active', provider: { id: 'o', name: 'Oratorio' }, categories: [], targetGroups: [], openTo: [],
  location: null, locationCount: 0, distanceKm: null, serviceAreaLabel: null, schedules: [], costKind: 'fee', costCents: null, costDescription: '',
  howToAccess: '', capacity: null, confirmation: { confirmedOn: '2026-12-01', days: 0, freshness: 'fresh' }, isDemo: false, labels: [], description: '', email: null,
  url: null, phone: null, languages: ['it'], eligibilityDescription: '', eligibilityConditions: [], minimumAge: null, maximumAge: null, locations: [],
  serviceAreaDistrict: null, serviceAreaMunicipalities: [], version: 1, updatedAt: '2026-12-01T00:00:00.000Z', canEdit: true,
};

describe('toServiceInput', () => {
  it('turns typed text into the API input, schedule included', () => {
    const { input, problems } = toServiceInput({
      ...emptyServiceForm(),
      name: '  Doposcuola  ',
      costAmount: '12,50',
      capacityTotal: '20',
      capacityFree: '4',
      schedule: 'MO-WE 14:30-17:30',
      locationName: 'Oratorio',
      locationMunicipality: { istatCode: '001191', name: 'Pinerolo' },
    });
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      name: 'Doposcuola',
      costCents: 1250,
      capacity: { total: 20, free: 4, unit: 'places' },
      schedules: [{ freq: 'WEEKLY', byday: ['MO', 'TU', 'WE'], opensAt: '14:30', closesAt: '17:30' }],
      locations: [{ name: 'Oratorio', municipalityCode: '001191' }],
    });
  });

  it('sends a price as exact cents, reads it back in the reader\'s language, and refuses what is not an amount', () => {
    const price = (costAmount: string) => toServiceInput({ ...emptyServiceForm(), name: 'Doposcuola', costKind: 'fee', costAmount });
    expect(price('19,99').input?.costCents).toBe(1999);
    expect(price('19.99').input?.costCents).toBe(1999);
    expect(price('1.234,50').input?.costCents).toBe(123450);
    expect(price('').input?.costCents).toBeNull();
    expect(price('12,505').problems).toEqual({ costAmount: 'grouping' });
    expect(price('dodici').problems).toEqual({ costAmount: 'format' });
    expect(price('-3').problems).toEqual({ costAmount: 'range' });
    const service = { ...serviceStub, costCents: 1250 };
    expect(serviceFormOf(service, 'it').costAmount).toBe('12,50');
    expect(serviceFormOf(service, 'en').costAmount).toBe('12.50');
    expect(serviceFormOf({ ...serviceStub, costCents: null }, 'it').costAmount).toBe('');
  });

  it('names the fields it cannot read', () => {
    const { input, problems } = toServiceInput({ ...emptyServiceForm(), name: 'ab', schedule: 'lunedì', capacityFree: 'molti' });
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['capacityFree', 'name', 'schedule']);
  });
});
