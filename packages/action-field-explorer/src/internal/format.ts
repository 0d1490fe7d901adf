/**
 * Dates, numbers and indicator progress for the reader's locale. Formatters are cached per
 * locale: creating an Intl object costs far more than using one, and a field shows dozens.
 */
import type { Indicator, PartialDate } from '@wir/feed';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

/** "2021" → "2021", "2021-07" → "Juli 2021", "2021-11-08" → "8. November 2021" (in `locale`). */
export function formatPartialDate(date: PartialDate, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const precision = day ? 'day' : month ? 'month' : 'year';
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  const formatter = cached(`d:${locale}:${precision}`, () => new Intl.DateTimeFormat(locale, options));
  return formatter.format(new Date(Date.UTC(year, (month || 1) - 1, day || 1)));
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
