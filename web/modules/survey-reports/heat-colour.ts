/**
 * The heat map's colours: a cell's background follows the mean relevance (1 light … 5 dark blue, interpolated between
 * the stops), and its text colour is computed from that background — black or white, whichever contrasts more — so
 * the mean is readable on every cell (WCAG 2.1 contrast ratio of at least 4.5:1; one of the two always reaches 4.58).
 */
const STOPS = ['#f2f7fc', '#cfe0f2', '#8db5e0', '#3f7fc4', '#0b3e73'] as const;

type Rgb = readonly [number, number, number];

function parse(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function format(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parse(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** The background of a mean relevance between 1 and 5 (clamped), and the text colour that reads on it. */
export function heatColours(mean: number): { background: string; color: string } {
  const position = (Math.min(5, Math.max(1, mean)) - 1) * (STOPS.length - 1) / 4;
  const lower = Math.min(STOPS.length - 2, Math.floor(position));
  const share = position - lower;
  const from = parse(STOPS[lower]!);
  const to = parse(STOPS[lower + 1]!);
  const background = format(from.map((channel, index) => channel + (to[index]! - channel) * share) as unknown as Rgb);
  return { background, color: textColourOn(background) };
}
