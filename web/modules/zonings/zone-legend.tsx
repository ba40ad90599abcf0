/** A legend of named categories (zones, or coinciding/breaking): one swatch and a label each. */
export function CategoryLegend({ title, items }: { title: string; items: readonly { key: string; color: string; label: string }[] }) {
  if (items.length === 0) return null;
  return (
    <figure className="map-legend" aria-label={title}>
      <figcaption className="map-legend__title">{title}</figcaption>
      <ul className="map-legend__list">
        {items.map((item) => (
          <li key={item.key} className="map-legend__item">
            <span className="map-legend__swatch" style={{ backgroundColor: item.color }} aria-hidden="true" />
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
