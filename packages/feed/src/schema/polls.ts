import { arr, num, obj, oneOf, optional, problem } from '../internal/spec.js';
import { dateTime, id, link, lt, ref } from './common.js';

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
  (p, path, c) => {
    if (Date.parse(p.opens) >= Date.parse(p.closes))
      problem(c, `${path}.closes`, 'date-order', `The poll must close after it opens (${p.opens}).`);
    if (p.maxChoices == null) return;
    if (p.choice != 'multiple')
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is only allowed when choice is "multiple".');
    else if (Array.isArray(p.options) && p.maxChoices > p.options.length)
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is larger than the number of options.');
  },
);

export const polls = arr(poll, { ids: 'polls' });
