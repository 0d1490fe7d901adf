/**
 * Dates, numbers and indicator progress for the reader's locale. Formatters are cached per
 * locale: creating an Intl object costs far more than using one, and a field shows dozens.
 */
import type { Indicator, IndicatorValue, PartialDate } from '@wir/feed';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

/** The first moment of a partial date ("2021-07" → 1 July 2021, 00:00 UTC), in ms. */
const time = (date: PartialDate): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, (month || 1) - 1, day || 1);
};

/** "2021" → "2021", "2021-07" → "Juli 2021", "2021-11-08" → "8. November 2021" (in `locale`). */
export function formatPartialDate(date: PartialDate, locale: string): string {
  const [, month, day] = date.split('-');
  const precision = day ? 'day' : month ? 'month' : 'year';
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  const formatter = cached(`d:${locale}:${precision}`, () => new Intl.DateTimeFormat(locale, options));
  return formatter.format(time(date));
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return cached(`p:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}

/**
 * How far the current value has come from the baseline towards the target, 0…1, for targets
 * above and below the baseline alike (fewer waiting days is progress too). Undefined when there
 * is no current value or baseline and target are equal.
 */
export function indicatorProgress(indicator: Indicator): number | undefined {
  const { baseline, target, current } = indicator;
  if (!current || target.value === baseline.value) return undefined;
  const fraction = (current.value - baseline.value) / (target.value - baseline.value);
  return Math.min(1, Math.max(0, fraction));
}

/** An indicator's series placed in a 100 × 40 box (y grows downwards), for an SVG drawing. */
export interface Chart {
  /** The measured values, as `points` of a polyline. */
  line: string;
  /** Each measured value, and the target, as a dot: a zero-length path drawn with round caps. */
  dots: string;
  target: string;
  /** Heights of the baseline and the target. */
  base: number;
  goal: number;
}

/**
 * Time runs along x from the earliest to the latest date among baseline, values and target, so
 * the distance to the target date shows; values run along y between the smallest and largest
 * of them. Undefined below two measured values: one point is no course, and the indicator's
 * figures already say it.
 */
export function indicatorChart({ baseline, target, series }: Indicator): Chart | undefined {
  if (!series || series.length < 2) return undefined;
  const all = [baseline, target, ...series];
  const times = all.map((v) => time(v.date));
  const values = all.map((v) => v.value);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const v0 = Math.min(...values);
  const dv = Math.max(...values) - v0 || 1;
  const y = (value: number) => +(36 - ((value - v0) / dv) * 32).toFixed(1);
  const at = (v: IndicatorValue) => `${+(((time(v.date) - t0) / (t1 - t0 || 1)) * 100).toFixed(1)} ${y(v.value)}`;
  const dot = (v: IndicatorValue) => `M${at(v)}h0`;
  return {
    line: series.map(at).join(' '),
    dots: series.map(dot).join(''),
    target: dot(target),
    base: y(baseline.value),
    goal: y(target.value),
  };
}
