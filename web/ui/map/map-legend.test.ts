import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SymbolLegend } from './map-legend';

describe('SymbolLegend', () => {
  it('is a figure named by its title, one list item per symbol, the swatches hidden from screen readers', () => {
    const html = renderToStaticMarkup(
      createElement(SymbolLegend, {
        title: 'Legenda della mappa',
        items: [
          { key: 'zone', color: '#112233', label: 'Z1 — Pinerolese' },
          { key: 'point', symbol: 'point', color: '#445566', label: 'Sede di un servizio' },
          { key: 'self', symbol: 'outline', color: '#778899', label: 'Confine di Pinerolo' },
        ],
      }),
    );
    expect(html).toBe(
      '<figure class="map-legend" aria-label="Legenda della mappa"><figcaption class="map-legend__title">Legenda della mappa</figcaption><ul class="map-legend__list">' +
        '<li class="map-legend__item"><span class="map-legend__swatch" style="background-color:#112233" aria-hidden="true"></span><span>Z1 — Pinerolese</span></li>' +
        '<li class="map-legend__item"><span class="map-legend__swatch map-legend__swatch--point" style="background-color:#445566" aria-hidden="true"></span><span>Sede di un servizio</span></li>' +
        '<li class="map-legend__item"><span class="map-legend__swatch map-legend__swatch--outline" style="border-color:#778899" aria-hidden="true"></span><span>Confine di Pinerolo</span></li>' +
        '</ul></figure>',
    );
  });

  it('draws nothing when there is nothing to explain', () => {
    expect(renderToStaticMarkup(createElement(SymbolLegend, { title: 'Legenda', items: [] }))).toBe('');
  });
});
