import { describe, expect, it } from 'vitest';
import { emptyServiceForm, toServiceInput } from './service-form';

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
      costAmount: 12.5,
      capacity: { total: 20, free: 4, unit: 'places' },
      schedules: [{ freq: 'WEEKLY', byday: ['MO', 'TU', 'WE'], opensAt: '14:30', closesAt: '17:30' }],
      locations: [{ name: 'Oratorio', municipalityCode: '001191' }],
    });
  });

  it('names the fields it cannot read', () => {
    const { input, problems } = toServiceInput({ ...emptyServiceForm(), name: 'ab', schedule: 'lunedì', capacityFree: 'molti' });
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['capacityFree', 'name', 'schedule']);
  });
});
