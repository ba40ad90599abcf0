/**
 * Names of the areas on a map, without glyphs: the style has no font source (nothing may be fetched from outside
 * the app), so the names are HTML labels placed by these pure rules — one anchor per area, then a greedy placement
 * that keeps the most populous names and drops those that would overlap an already placed one.
 */

type Position = [number, number];

export interface LabelCandidate {
  id: string;
  text: string;
  lng: number;
  lat: number;
  /** Higher first (population, when the features carry it). */
  priority: number;
}

export interface ProjectedLabel {
  id: string;
  text: string;
  /** Screen position of the anchor, in pixels from the top-left corner of the map. */
  x: number;
  y: number;
  priority: number;
}

export interface LabelPlacementOptions {
  width: number;
  height: number;
  /** Estimated width of one character, in pixels. */
  charWidth?: number;
  /** Height of a label line, in pixels. */
  lineHeight?: number;
  /** Space kept free around each label, in pixels. */
  gap?: number;
  /** Most labels placed at once. */
  max?: number;
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function ringOf(value: unknown): Position[] {
  return Array.isArray(value) ? value.filter(isPosition) : [];
}

/** Signed area and centroid of a closed or open ring (shoelace formula, in degrees). */
function ringCentroid(ring: readonly Position[]): { area: number; lng: number; lat: number } | null {
  if (ring.length === 0) return null;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    // A degenerate ring (a line, a point): the mean of its positions.
    const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    return { area: 0, lng, lat };
  }
  return { area: Math.abs(twiceArea / 2), lng: cx / (3 * twiceArea), lat: cy / (3 * twiceArea) };
}

/**
 * Where an area's name goes: the centroid of the outer ring of its largest polygon (an island or an exclave does
 * not pull the name into the sea); a point's own position; null for anything else.
 */
export function labelAnchor(geometry: unknown): { lng: number; lat: number } | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Point' && isPosition(coordinates)) return { lng: coordinates[0], lat: coordinates[1] };
  const outerRings: Position[][] =
    type === 'Polygon' && Array.isArray(coordinates)
      ? [ringOf(coordinates[0])]
      : type === 'MultiPolygon' && Array.isArray(coordinates)
        ? coordinates.map((polygon) => (Array.isArray(polygon) ? ringOf(polygon[0]) : []))
        : [];
  let best: { area: number; lng: number; lat: number } | null = null;
  for (const ring of outerRings) {
    const centroid = ringCentroid(ring);
    if (centroid && (!best || centroid.area > best.area)) best = centroid;
  }
  return best ? { lng: best.lng, lat: best.lat } : null;
}

/** One candidate label per feature that has a name and a shape, its priority read from `priorityProperty`. */
export function labelCandidates(
  features: ReadonlyArray<{ id?: string | number; properties: Record<string, unknown>; geometry: unknown }>,
  nameProperty: string,
  priorityProperty = 'population',
): LabelCandidate[] {
  const candidates: LabelCandidate[] = [];
  features.forEach((feature, index) => {
    const text = feature.properties[nameProperty];
    if (typeof text !== 'string' || text.trim() === '') return;
    const anchor = labelAnchor(feature.geometry);
    if (!anchor) return;
    const priority = feature.properties[priorityProperty];
    candidates.push({
      id: String(feature.id ?? index),
      text,
      lng: anchor.lng,
      lat: anchor.lat,
      priority: typeof priority === 'number' && Number.isFinite(priority) ? priority : 0,
    });
  });
  return candidates;
}

/**
 * The labels to show at this zoom: those that fit wholly on screen, most important first (ties by name), each
 * kept only when its box does not overlap one already kept, so names stay readable instead of piling up.
 */
export function placeLabels(labels: readonly ProjectedLabel[], options: LabelPlacementOptions): string[] {
  const charWidth = options.charWidth ?? 7;
  const lineHeight = options.lineHeight ?? 16;
  const gap = options.gap ?? 4;
  const max = options.max ?? 150;
  const ordered = [...labels].sort((a, b) => b.priority - a.priority || a.text.localeCompare(b.text, 'it') || a.id.localeCompare(b.id));
  const kept: { id: string; left: number; right: number; top: number; bottom: number }[] = [];
  for (const label of ordered) {
    if (kept.length >= max) break;
    const halfWidth = (label.text.length * charWidth) / 2 + gap;
    const halfHeight = lineHeight / 2 + gap;
    const box = { id: label.id, left: label.x - halfWidth, right: label.x + halfWidth, top: label.y - halfHeight, bottom: label.y + halfHeight };
    // A name cut by the edge of the map is not readable: the whole label must fit.
    if (box.left < 0 || box.top < 0 || box.right > options.width || box.bottom > options.height) continue;
    const overlaps = kept.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top);
    if (!overlaps) kept.push(box);
  }
  return kept.map((box) => box.id);
}
