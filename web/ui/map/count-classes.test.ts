import { describe, expect, it } from 'vitest';
import { countClassification } from './count-classes';
import { COUNT_COLORS } from './palette';

describe('countClassification', () => {
  it('cuts the counts into quantile classes and gives each class one colour of the count ramp, lightest first', () => {
    const classification = countClassification('projects', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(classification).toEqual({ valueProperty: 'projects', breaks: [2, 4, 6, 8], colors: COUNT_COLORS.slice(0, 5) });
  });

  it('has one class and one colour when every area has the same count', () => {
    expect(countClassification('needs', [3, 3, 3])).toEqual({ valueProperty: 'needs', breaks: [], colors: [COUNT_COLORS[0]] });
  });
});
