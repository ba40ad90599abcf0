import { describe, expect, it } from 'vitest';
import { basemapUpdate, checkBasemapForm } from './settings-form';

describe('checkBasemapForm', () => {
  it('accepts an empty form (no basemap) and a proper tile template', () => {
    expect(checkBasemapForm('', '')).toEqual({});
    expect(checkBasemapForm('https://tile.example.org/{z}/{x}/{y}.png', '© Example')).toEqual({});
  });
  it('rejects a URL without {z}/{x}/{y}', () => {
    expect(checkBasemapForm('https://tile.example.org/tiles.png', '')).toEqual({ basemapUrl: 'notTemplate' });
  });
  it('rejects values over the limits', () => {
    expect(checkBasemapForm(`https://x.org/{z}/{x}/{y}${'a'.repeat(500)}`, 'b'.repeat(301))).toEqual({
      basemapUrl: 'tooLong',
      basemapAttribution: 'tooLong',
    });
  });
});

describe('basemapUpdate', () => {
  it('sends null for empty fields so the basemap is removed', () => {
    expect(basemapUpdate('  ', '', 3)).toEqual({ basemapUrl: null, basemapAttribution: null, version: 3 });
  });
  it('trims what it sends', () => {
    expect(basemapUpdate(' https://t.org/{z}/{x}/{y}.png ', ' © T ', 1)).toEqual({
      basemapUrl: 'https://t.org/{z}/{x}/{y}.png',
      basemapAttribution: '© T',
      version: 1,
    });
  });
});
