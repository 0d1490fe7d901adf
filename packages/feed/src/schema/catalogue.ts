/** The action fields with their goals, measures and indicators, and what measures refer to. */
import { arr, type Checker, num, obj, oneOf, optional, problem, str } from '../internal/spec.js';
import { before, id, lt, number, partialDate, ref } from './common.js';

/**
 * Problems for entries of a dated list (`key` holds the date) that are not oldest first. Here
 * rather than in ./common.js, which every widget's bundle carries: only the catalogue has dated
 * histories.
 */
export const oldestFirst = (list: unknown, path: string, c: Checker, message: string, key = 'date'): void => {
  const items = Array.isArray(list) ? list : [];
  items.forEach((item, i) => {
    if (i && before(item?.[key], items[i - 1]?.[key])) problem(c, `${path}[${i}].${key}`, 'date-order', message);
  });
};

export const crossCuttingTheme = obj({ id, title: lt, description: optional(lt) });
export const crossCuttingThemes = arr(crossCuttingTheme, { ids: 'crossCuttingThemes' });

export const group = obj({ id, title: lt, description: optional(lt) });
export const groups = arr(group, { ids: 'groups' });

export const measureStatuses = ['proposed', 'accepted', 'deferred', 'recommendation', 'in-progress', 'done'] as const;

export const measureStatus = oneOf(measureStatuses);

export const statusChange = obj({ status: measureStatus, date: partialDate, note: optional(lt) });

export const indicatorValue = obj({ value: num(), date: partialDate });

export const indicator = obj(
  {
    id,
    title: lt,
    unit: lt,
    baseline: indicatorValue,
    target: indicatorValue,
    current: optional(indicatorValue),
    /** Measured values over time, oldest first; the explorer draws them as a small chart. */
    series: optional(arr(indicatorValue)),
  },
  (i, path, c) => oldestFirst(i.series, `${path}.series`, c, 'Series values must be listed oldest first.'),
);

export const measure = obj(
  {
    id,
    title: lt,
    description: optional(lt),
    status: arr(statusChange, { min: 1 }),
    responsible: optional(lt),
    partners: optional(arr(lt)),
    themes: arr(ref('crossCuttingThemes', 'cross-cutting theme')),
    contributedBy: optional(ref('groups', 'group')),
    indicators: optional(arr(indicator, { ids: '' })),
  },
  (m, path, c) => oldestFirst(m.status, `${path}.status`, c, 'Status entries must be listed oldest first.'),
);

export const goal = obj({ id, title: lt, description: optional(lt), measures: arr(measure, { ids: 'measures' }) });

export const actionField = obj({
  id,
  number,
  title: lt,
  summary: lt,
  color: optional(str({ re: /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, like: 'a hex colour like #1f6feb' })),
  icon: optional(str()),
  guidelines: optional(arr(ref('guidelines', 'guideline'))),
  goals: arr(goal, { ids: 'goals' }),
});

export const actionFields = arr(actionField, { ids: 'actionFields' });
