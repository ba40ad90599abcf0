import { describe, expect, it } from 'vitest';
import { colourOfSlice, countsByKey, slicesByKey, CHART_COLOURS } from './project-chart-data';

describe('chart data of a project', () => {
  const lines = [
    { partner: 'a', name: 'Cooperativa Alfa', cents: 100_001 },
    { partner: 'b', name: 'Comune di Beta', cents: 50_000 },
    { partner: 'a', name: 'Cooperativa Alfa', cents: 33_333 },
    { partner: 'c', name: 'Impresa Gamma', cents: 0 },
  ];

  it('sums the budget lines of each partner to the cent, largest first, and leaves out empty slices', () => {
    const slices = slicesByKey(lines, (line) => line.partner, (line) => line.cents, (_key, line) => line.name);
    expect(slices.map((slice) => [slice.key, slice.label, slice.value])).toEqual([
      ['a', 'Cooperativa Alfa', 133_334],
      ['b', 'Comune di Beta', 50_000],
    ]);
    expect(slices.reduce((sum, slice) => sum + slice.value, 0)).toBe(183_334);
    expect(slices[0]!.share).toBeCloseTo(133_334 / 183_334, 10);
    expect(slices.reduce((sum, slice) => sum + slice.share, 0)).toBeCloseTo(1, 10);
  });

  it('orders equal slices by label so the chart and its table keep one order', () => {
    const slices = slicesByKey([{ k: 'z', v: 5 }, { k: 'm', v: 5 }], (row) => row.k, (row) => row.v, (key) => (key === 'z' ? 'Ambito' : 'Zona'));
    expect(slices.map((slice) => slice.label)).toEqual(['Ambito', 'Zona']);
  });

  it('gives shares of 0, not NaN, when everything is zero', () => {
    expect(slicesByKey([{ k: 'x', v: 0 }], (row) => row.k, (row) => row.v, (key) => key)).toEqual([]);
  });

  it('counts the partnership by sector', () => {
    const partners = [{ kind: 'public_body' }, { kind: 'third_sector' }, { kind: 'third_sector' }, { kind: 'firm' }];
    const slices = countsByKey(partners, (p) => p.kind, (kind) => ({ public_body: 'Ente pubblico', third_sector: 'Terzo settore', firm: 'Impresa' })[kind] ?? kind);
    expect(slices.map((slice) => [slice.label, slice.value])).toEqual([['Terzo settore', 2], ['Ente pubblico', 1], ['Impresa', 1]]);
    expect(slices[0]!.share).toBe(0.5);
  });

  it('cycles the colours past the palette', () => {
    expect(colourOfSlice(0)).toBe(CHART_COLOURS[0]);
    expect(colourOfSlice(CHART_COLOURS.length + 2)).toBe(CHART_COLOURS[2]);
  });
});
