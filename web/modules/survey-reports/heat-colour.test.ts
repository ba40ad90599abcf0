import { describe, expect, it } from 'vitest';
import { contrastRatio, heatColours, relativeLuminance, textColourOn } from './heat-colour';

describe('heat map colours', () => {
  it('computes the WCAG relative luminance and contrast ratio', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    // The reference value for Bootstrap Italia's primary blue on white.
    expect(contrastRatio('#0066cc', '#ffffff')).toBeCloseTo(5.57, 2);
  });

  it('writes dark on light cells and white on dark ones', () => {
    expect(heatColours(1)).toEqual({ background: '#f2f7fc', color: '#000000' });
    expect(heatColours(5)).toEqual({ background: '#0b3e73', color: '#ffffff' });
    expect(textColourOn('#3f7fc4')).toBe('#000000');
  });

  it('keeps every mean on the scale readable: contrast of at least 4.5:1 from 1 to 5, by hundredths', () => {
    const failing: string[] = [];
    for (let hundredths = 100; hundredths <= 500; hundredths += 1) {
      const { background, color } = heatColours(hundredths / 100);
      const ratio = contrastRatio(background, color);
      if (ratio < 4.5) failing.push(`${hundredths / 100}: ${color} on ${background} = ${ratio.toFixed(2)}`);
    }
    expect(failing).toEqual([]);
  });

  it('clamps means outside the scale to its ends and darkens as the mean grows', () => {
    expect(heatColours(0)).toEqual(heatColours(1));
    expect(heatColours(7)).toEqual(heatColours(5));
    for (let mean = 1; mean < 5; mean += 0.5) {
      expect(relativeLuminance(heatColours(mean + 0.5).background)).toBeLessThan(relativeLuminance(heatColours(mean).background));
    }
  });
});
