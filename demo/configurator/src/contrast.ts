/**
 * WCAG 2.2 contrast: relative luminance and contrast ratio of sRGB colours
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
 */
export type Rgb = readonly [r: number, g: number, b: number];

/** Parses `#rgb`, `#rrggbb` and the `rgb()`/`rgba()` form browsers give for computed colours. */
export function parseColor(text: string): Rgb | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

export function toHex(color: Rgb): string {
  return `#${color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA minimums: text (and links) 4.5:1 (SC 1.4.3), user-interface components 3:1 (SC 1.4.11). */
export const TEXT_MINIMUM = 4.5;
export const NON_TEXT_MINIMUM = 3;

/** Rounds down to one decimal, so a ratio shown as 4.5 really is at least 4.5. */
export const formatRatio = (ratio: number): string => (Math.floor(ratio * 10) / 10).toFixed(1);
