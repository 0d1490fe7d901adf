import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A feed timestamp: ISO 8601 in UTC, whole seconds. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface TestPollSpec {
  id: string;
  choice: 'single' | 'multiple';
  maxChoices?: number;
  options: string[];
  opens: number;
  closes: number;
  results: 'after-vote' | 'after-close' | 'always';
  allowedOrigins?: string[];
}

/**
 * A strategy feed that @wir/feed accepts: `strategy`, `polls` as written, every other section
 * empty. The API tests and the load benchmarks (bench/support.ts) build their feeds on it.
 */
export function pollsOnlyFeed(strategy: object, polls: object[]): object {
  return {
    schemaVersion: '1.0',
    strategy,
    guidelines: [],
    crossCuttingThemes: [],
    groups: [],
    actionFields: [],
    priorities: [],
    participation: { figures: [] },
    timeline: [],
    polls,
  };
}

/** A minimal strategy feed that @wir/feed accepts, holding the given polls. */
export function feedWith(polls: TestPollSpec[]): object {
  return pollsOnlyFeed(
    { id: 'test-strategy', title: { de: 'Teststrategie', en: 'Test strategy' }, publisher: 'TestStadt', languages: ['de', 'en'], defaultLanguage: 'de', updated: '2026-11-01' },
    polls.map((p) => ({
      id: p.id,
      question: { de: `Frage ${p.id}?`, en: `Question ${p.id}?` },
      choice: p.choice,
      ...(p.maxChoices === undefined ? {} : { maxChoices: p.maxChoices }),
      options: p.options.map((id) => ({ id, label: { de: `Option ${id}`, en: `Option ${id}` } })),
      opens: iso(p.opens),
      closes: iso(p.closes),
      results: p.results,
      api: 'https://votes.example/v1',
      ...(p.allowedOrigins ? { allowedOrigins: p.allowedOrigins } : {}),
    })),
  );
}

/** The polls every API test uses, relative to `now`. */
export function standardPolls(now: number): TestPollSpec[] {
  return [
    { id: 'single', choice: 'single', options: ['a', 'b', 'c'], opens: now - DAY, closes: now + 30 * DAY, results: 'after-vote' },
    { id: 'multi', choice: 'multiple', maxChoices: 2, options: ['w', 'x', 'y', 'z'], opens: now - DAY, closes: now + 30 * DAY, results: 'always' },
    { id: 'future', choice: 'single', options: ['a', 'b'], opens: now + 10 * DAY, closes: now + 20 * DAY, results: 'always' },
    { id: 'past', choice: 'single', options: ['a', 'b'], opens: now - 20 * DAY, closes: now - 10 * DAY, results: 'after-close' },
    { id: 'secret', choice: 'single', options: ['a', 'b'], opens: now - DAY, closes: now + 30 * DAY, results: 'after-close' },
    {
      id: 'partner',
      choice: 'single',
      options: ['a', 'b'],
      opens: now - DAY,
      closes: now + 30 * DAY,
      results: 'always',
      allowedOrigins: ['https://partner.example', 'not an origin'],
    },
    { id: 'closing', choice: 'multiple', options: ['a', 'b', 'c'], opens: now - DAY, closes: now + HOUR, results: 'after-vote' },
  ];
}

export function writeFeedFile(feed: object, dir = mkdtempSync(join(tmpdir(), 'wir-feed-'))): string {
  const file = join(dir, 'feed.json');
  writeFileSync(file, JSON.stringify(feed, null, 2));
  return file;
}

export { DAY, HOUR };
