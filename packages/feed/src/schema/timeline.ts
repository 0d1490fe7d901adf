import { arr, obj, oneOf, optional, problem, quote } from '../internal/spec.js';
import { before, id, link, lt, partialDate, ref } from './common.js';

export const timelineKinds = ['phase', 'milestone', 'event'] as const;

export const timelineKind = oneOf(timelineKinds);

export const timelineEntry = obj(
  {
    id,
    kind: timelineKind,
    date: partialDate,
    end: optional(partialDate),
    approximate: optional(oneOf(['start', 'mid', 'end'])),
    title: lt,
    text: optional(lt),
    link: optional(link),
    /** The action fields this entry concerns; widgets following a field selection show these. */
    actionFields: optional(arr(ref('actionFields', 'action field'))),
  },
  (e, path, c) => {
    if (before(e.end, e.date))
      problem(c, `${path}.end`, 'date-order', `The end ${quote(e.end)} is before the date ${quote(e.date)}.`);
  },
);

export const timeline = arr(timelineEntry, { ids: 'timeline' });
