import { arr, num, obj, oneOf, optional, problem, str } from '../internal/spec.js';
import { DAY, id, link, lt, ref } from './common.js';

// Here rather than in ./common.js, which every widget's bundle carries: only polls have times.
export const dateTime = str({
  re: new RegExp(`^${DAY}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`),
  like: 'a date and time with offset, like 2026-05-01T12:00:00+02:00',
  code: 'date',
  date: 1,
  // No format "date-time": RFC 3339 requires seconds, which the feed format leaves optional.
});

export const pollOption = obj({ id, label: lt });

export const poll = obj(
  {
    id,
    question: lt,
    description: optional(lt),
    choice: oneOf(['single', 'multiple']),
    maxChoices: optional(num({ int: true, min: 1 })),
    options: arr(pollOption, { min: 2, ids: '' }),
    opens: dateTime,
    closes: dateTime,
    results: oneOf(['after-vote', 'after-close', 'always']),
    api: link,
    /** The action fields the poll asks about; a voting box following a field selection shows it. */
    actionFields: optional(arr(ref('actionFields', 'action field'))),
  },
  // Fields may have failed their own checks: anything but a string or number is left alone
  // (Date.parse, == and > would call an object's toString or valueOf, and {"toString": 0} throws).
  (p, path, c) => {
    if (typeof p.opens == 'string' && typeof p.closes == 'string' && Date.parse(p.opens) >= Date.parse(p.closes))
      problem(c, `${path}.closes`, 'date-order', `The poll must close after it opens (${p.opens}).`);
    if (typeof p.maxChoices != 'number') return;
    if (p.choice !== 'multiple')
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is only allowed when choice is "multiple".');
    else if (Array.isArray(p.options) && p.maxChoices > p.options.length)
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is larger than the number of options.');
  },
);

export const polls = arr(poll, { ids: 'polls' });
