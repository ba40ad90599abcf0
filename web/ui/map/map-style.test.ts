import { describe, expect, it } from 'vitest';
import { buildMapStyle, fillColorExpression } from './map-style';
import { NEUTRAL_FILL, NO_DATA_COLOR } from './palette';

describe('fillColorExpression', () => {
  it('steps through the colours at each break and greys out missing values', () => {
    expect(fillColorExpression({ valueProperty: 'population', breaks: [10, 20], colors: ['#a', '#b', '#c'] })).toEqual([
      'case',
      ['==', ['typeof', ['get', 'population']], 'number'],
      ['step', ['get', 'population'], '#a', 10, '#b', 20, '#c'],
      NO_DATA_COLOR,
    ]);
  });

  it('uses one colour when there are no breaks and a neutral fill without classification', () => {
    expect(fillColorExpression({ valueProperty: 'v', breaks: [], colors: ['#a'] })).toEqual([
      'case',
      ['==', ['typeof', ['get', 'v']], 'number'],
      '#a',
      NO_DATA_COLOR,
    ]);
    expect(fillColorExpression(null)).toBe(NEUTRAL_FILL);
  });
});

describe('buildMapStyle', () => {
  it('needs nothing from the network without a basemap', () => {
    const style = buildMapStyle({ idProperty: 'code' });
    expect(Object.keys(style.sources).sort()).toEqual(['areas', 'points']);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers[0]?.type).toBe('background');
  });

  it('puts a configured raster basemap under the areas, with its attribution', () => {
    const style = buildMapStyle({
      idProperty: 'code',
      basemap: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' },
    });
    expect(style.sources.basemap).toMatchObject({ type: 'raster', tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: '© Example' });
    const order = style.layers.map((layer) => layer.id);
    expect(order.indexOf('basemap')).toBeLessThan(order.indexOf('areas-fill'));
  });

  it('draws context areas (boundaries under points) as dark outlines over a light fill, points in their own colour', () => {
    const data = buildMapStyle({ idProperty: 'code' });
    const context = buildMapStyle({ idProperty: 'code', areaRole: 'context' });
    const paint = (style: typeof data, id: string) => (style.layers.find((layer) => layer.id === id) as { paint: Record<string, unknown> }).paint;
    expect(paint(data, 'areas-outline')['line-color']).toBe('#ffffff');
    expect(paint(context, 'areas-outline')['line-color']).toBe('#455b71');
    expect(Number(paint(context, 'areas-fill')['fill-opacity'])).toBeLessThan(Number(paint(data, 'areas-fill')['fill-opacity']));
    expect(paint(context, 'points')['circle-color']).toEqual(['coalesce', ['get', 'color'], '#1a1a1a']);
  });
});
