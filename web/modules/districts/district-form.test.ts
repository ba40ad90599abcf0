import { describe, expect, it } from 'vitest';
import { validateDistrictForm } from './district-form';

describe('validateDistrictForm', () => {
  it('accepts a normal name and description', () => {
    expect(validateDistrictForm('Pinerolese', 'Ventidue comuni intorno a Pinerolo.')).toEqual({});
  });
  it('rejects names shorter than three characters once trimmed', () => {
    expect(validateDistrictForm('  ab  ', '')).toEqual({ name: 'tooShort' });
  });
  it('rejects names and descriptions over the limits', () => {
    expect(validateDistrictForm('x'.repeat(201), 'y'.repeat(5001))).toEqual({ name: 'tooLong', description: 'tooLong' });
  });
});
