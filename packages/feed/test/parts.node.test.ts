import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cataloguePart,
  type FeedProblem,
  guidelinesPart,
  pollsPart,
  type Spec,
  timelinePart,
  validateFeed,
  validatePart,
} from '../src/index.js';
import { broken, fixture } from './helpers.js';

const problemsOf = (spec: Spec, data: unknown): FeedProblem[] => {
  const result = validatePart(spec, data);
  return result.ok ? [] : result.problems;
};
const paths = (problems: FeedProblem[]) => problems.map((p) => `${p.path} ${p.code}`);
const parts = { guidelinesPart, cataloguePart, timelinePart, pollsPart };

describe('feed parts: each widget checks only what it reads', () => {
  test('the complete fixture and the sample feed pass every part', () => {
    for (const feed of [fixture('complete.json'), fixture('../../../../demo/feeds/hannover.json')])
      for (const [name, spec] of Object.entries(parts)) assert.deepEqual(problemsOf(spec, feed), [], name);
  });

  test('a broken poll fails the polls part and the whole feed, and no other part', () => {
    const feed = broken((f) => (f.polls[0].results = 'never'));
    assert.deepEqual(paths(problemsOf(pollsPart, feed)), ['$.polls[0].results enum']);
    assert.deepEqual(paths(validateFeed(feed).problems), ['$.polls[0].results enum']);
    for (const spec of [guidelinesPart, cataloguePart, timelinePart]) assert.deepEqual(problemsOf(spec, feed), []);
  });

  test('a broken measure leaves the carousel, timeline and voting box working', () => {
    const feed = broken((f) => (f.actionFields[0].goals[0].measures[0].status = []));
    assert.equal(problemsOf(cataloguePart, feed).length, 1);
    for (const spec of [guidelinesPart, timelinePart, pollsPart]) assert.deepEqual(problemsOf(spec, feed), []);
  });

  test('the languages of the texts checked are reported in lower case, however the feed writes them', () => {
    // Language tags are case-insensitive: "de-X-LS" is easy German, and widgets must offer it.
    const feed = broken((f) => (f.guidelines[0].title = { de: 'Offene Stadt', 'de-X-LS': 'Die Stadt ist offen' }));
    const result = validatePart(guidelinesPart, feed);
    assert.ok(result.ok);
    assert.ok(result.languages.has('de-x-ls'));
    assert.ok(![...result.languages].includes('de-X-LS'));
  });

  test('every part checks the header: version, strategy, languages', () => {
    const newer = broken((f) => (f.schemaVersion = '2.0'));
    const noStrategy = broken((f) => delete f.strategy);
    for (const spec of Object.values(parts)) {
      assert.deepEqual(paths(problemsOf(spec, newer)), ['$.schemaVersion unsupported-version']);
      assert.deepEqual(paths(problemsOf(spec, noStrategy)), ['$.strategy required']);
    }
  });

  test('links between parts are checked in the parts that hold them', () => {
    const feed = broken((f) => {
      f.timeline[0].actionFields = ['bildng'];
      f.polls[0].actionFields = ['arbeit-x'];
      f.actionFields[0].guidelines = ['leitlinie-99'];
    });
    // Timeline and polls read the fields' guideline links too: a selected guideline designates
    // the fields serving it.
    assert.deepEqual(paths(problemsOf(timelinePart, feed)), [
      '$.timeline[0].actionFields[0] dangling-reference',
      '$.actionFields[0].guidelines[0] dangling-reference',
    ]);
    assert.deepEqual(paths(problemsOf(pollsPart, feed)), [
      '$.polls[0].actionFields[0] dangling-reference',
      '$.actionFields[0].guidelines[0] dangling-reference',
    ]);
    assert.deepEqual(paths(problemsOf(guidelinesPart, feed)), ['$.actionFields[0].guidelines[0] dangling-reference']);
    assert.deepEqual(paths(problemsOf(cataloguePart, feed)), ['$.actionFields[0].guidelines[0] dangling-reference']);
    assert.deepEqual(paths(validateFeed(feed).problems), [
      '$.actionFields[0].guidelines[0] dangling-reference',
      '$.timeline[0].actionFields[0] dangling-reference',
      '$.polls[0].actionFields[0] dangling-reference',
    ]);
  });

  test('the explorer checks the number and title of the guidelines it names, and the timeline does not', () => {
    const feed = broken((f) => (f.guidelines[0].number = 'eins'));
    assert.deepEqual(paths(problemsOf(cataloguePart, feed)), ['$.guidelines[0].number type']);
    assert.deepEqual(problemsOf(timelinePart, feed), []);
  });

  test('an indicator series must be dated oldest first', () => {
    const feed = broken((f) => f.actionFields[0].goals[0].measures[0].indicators[0].series.reverse());
    const problems = problemsOf(cataloguePart, feed);
    assert.deepEqual(paths(problems), [
      '$.actionFields[0].goals[0].measures[0].indicators[0].series[1].date date-order',
      '$.actionFields[0].goals[0].measures[0].indicators[0].series[2].date date-order',
    ]);
    assert.match(problems[0].message, /oldest first/);
  });

  test('measuresPage accepts a relative path and rejects other schemes', () => {
    assert.deepEqual(problemsOf(guidelinesPart, broken((f) => (f.strategy.measuresPage = '../massnahmen/'))), []);
    assert.deepEqual(
      paths(problemsOf(guidelinesPart, broken((f) => (f.strategy.measuresPage = 'javascript:alert(1)')))),
      ['$.strategy.measuresPage link'],
    );
  });
});
