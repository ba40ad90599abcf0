import { useTranslation } from 'react-i18next';
import type { ClassRange } from './class-breaks';
import { NO_DATA_COLOR } from './palette';

export interface MapLegendProps {
  title: string;
  ranges: readonly ClassRange[];
  colors: readonly string[];
  formatValue: (value: number) => string;
  /** Features without a value; the no-data swatch is shown when > 0. */
  noDataCount?: number;
  /** How many features a class holds, in words ("(12 comuni)"); a generic "(12 aree)" by default. */
  formatCount?: (count: number) => string;
}

/** Classed legend: one swatch per class with its value range and how many areas fall in it. */
export function MapLegend({ title, ranges, colors, formatValue, noDataCount = 0, formatCount }: MapLegendProps) {
  const { t } = useTranslation();
  const countText = formatCount ?? ((count: number) => t('ui.map.legendCount', { count }));
  if (ranges.length === 0) return null;
  return (
    <figure className="map-legend" aria-label={title}>
      <figcaption className="map-legend__title">{title}</figcaption>
      <ul className="map-legend__list">
        {ranges.map((range, index) => (
          <li key={`${range.from}-${range.to}`} className="map-legend__item">
            <span className="map-legend__swatch" style={{ backgroundColor: colors[index] }} aria-hidden="true" />
            <span>
              {range.from === range.to
                ? formatValue(range.from)
                : t('ui.map.legendRange', { from: formatValue(range.from), to: formatValue(range.to) })}
            </span>
            <span className="map-legend__count">{countText(range.count)}</span>
          </li>
        ))}
        {noDataCount > 0 && (
          <li className="map-legend__item">
            <span className="map-legend__swatch" style={{ backgroundColor: NO_DATA_COLOR }} aria-hidden="true" />
            <span>{t('ui.map.noData')}</span>
            <span className="map-legend__count">{countText(noDataCount)}</span>
          </li>
        )}
      </ul>
    </figure>
  );
}

export interface SymbolLegendItem {
  key: string;
  /** `area` (the default): a filled area or a category's colour; `point`: a dot as drawn on the map; `outline`: a boundary line. */
  symbol?: 'point' | 'area' | 'outline';
  color: string;
  label: string;
}

/**
 * Legend of a map that is not classed: what each dot, fill, outline or named category (a zone, coinciding/breaking)
 * means, one swatch and a label each. The one such legend of the web: every module's unclassed map uses it.
 */
export function SymbolLegend({ title, items }: { title: string; items: readonly SymbolLegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <figure className="map-legend" aria-label={title}>
      <figcaption className="map-legend__title">{title}</figcaption>
      <ul className="map-legend__list">
        {items.map((item) => {
          const symbol = item.symbol ?? 'area';
          return (
            <li key={item.key} className="map-legend__item">
              <span
                className={`map-legend__swatch${symbol === 'area' ? '' : ` map-legend__swatch--${symbol}`}`}
                style={symbol === 'outline' ? { borderColor: item.color } : { backgroundColor: item.color }}
                aria-hidden="true"
              />
              <span>{item.label}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
