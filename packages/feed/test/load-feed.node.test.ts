// The loader's logic outside a browser: no document, no localStorage, a caller-supplied fetch.
// Real HTTP behaviour (headers, streaming, aborted connections) is covered by load-feed.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, describe, test } from 'node:test';
import { clearFeedCache, FeedError, loadFeed, loadFeedPart, pollsPart } from '../src/index.js';
import { fixture, fixturePath } from './helpers.js';

const feedText = readFileSync(fixturePath('minimal.json'), 'utf8');
const json = (body: string, init: ResponseInit = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json' }, ...init });

/** A fetch stub that records its calls and answers from `respond`. */
const stub = (respond: (url: string, init?: RequestInit) => Response | Promise<Response>) => {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
};

const rejection = async (promise: Promise<unknown>): Promise<FeedError> => {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FeedError, String(error));
  return error;
};

describe('loadFeed without a browser', () => {
  afterEach(() => clearFeedCache());

  test('a relative URL with no document to resolve it against rejects (never throws)', async () => {
    const error = await rejection(loadFeed('feeds/hannover.json'));
    assert.equal(error.kind, 'network');
    assert.equal(error.message, '"feeds/hannover.json" is not a valid feed URL.');
  });

  test('uses the given fetch, asks for JSON, and shares one request among concurrent callers', async () => {
    const { fetch, calls } = stub(() => json(feedText));
    const url = 'https://feeds.example/a.json';
    const [a, b] = await Promise.all([loadFeed(url, { fetch }), loadFeed(url, { fetch })]);
    assert.equal(a, b);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].init?.headers, { accept: 'application/json' });
    assert.equal(a.url, url);
    assert.equal(a.stale, false);
  });

  test('the last good copy in memory covers a later HTTP failure (no localStorage in Node)', async () => {
    let fail = false;
    const { fetch } = stub(() => (fail ? new Response('down', { status: 502, statusText: 'Bad Gateway' }) : json(feedText)));
    const url = 'https://feeds.example/b.json';
    const good = await loadFeed(url, { fetch });
    fail = true;
    const stale = await loadFeed(url, { fetch, reload: true });
    assert.equal(stale.stale, true);
    assert.equal(stale.feed, good.feed);
    assert.equal(stale.staleReason?.kind, 'http');
    assert.equal(stale.staleReason?.message, `The server answered 502 Bad Gateway for the feed at ${url}.`);
    clearFeedCache();
    assert.equal((await rejection(loadFeed(url, { fetch }))).kind, 'http');
  });

  test('a fetch that returns something odd becomes a FeedError, not a TypeError', async () => {
    const fetch = (async () => ({}) as Response) as typeof globalThis.fetch;
    const error = await rejection(loadFeed('https://feeds.example/odd.json', { fetch }));
    assert.equal(error.kind, 'network');
  });

  test('not-json names line and column when the parser gives only an offset', async () => {
    const { fetch } = stub(() => json('{\n  "schemaVersion": "1.0",\n  "strategy": {,\n}'));
    const error = await rejection(loadFeed('https://feeds.example/broken.json', { fetch }));
    assert.equal(error.kind, 'not-json');
    assert.match(error.message, /^The feed at https:\/\/feeds\.example\/broken\.json is not valid JSON/);
    if (/position \d+/.test(error.message) && !/\(line \d+ column/.test(error.message)) assert.match(error.message, /\(line 3, column \d+\)/);
  });

  test('HTML served as JSON is called out', async () => {
    const { fetch } = stub(() => json('<!doctype html><p>Error</p>'));
    const error = await rejection(loadFeed('https://feeds.example/html.json', { fetch }));
    assert.equal(error.kind, 'not-json');
    assert.match(error.message, /It looks like HTML or XML\.$/);
  });

  test('a body without a stream is still size-checked', async () => {
    const big = 'x'.repeat(2000);
    const fetch = (async () =>
      ({ ok: true, status: 200, statusText: 'OK', headers: new Headers({ 'content-type': 'application/json' }), body: null, text: async () => big }) as unknown as Response) as typeof globalThis.fetch;
    const error = await rejection(loadFeed('https://feeds.example/nobody.json', { fetch, maxBytes: 1000 }));
    assert.equal(error.kind, 'too-large');
  });

  test('FeedError carries kind, url, status and problems', () => {
    const error = new FeedError('http', 'message', 'https://x/', { status: 404 });
    assert.equal(error.name, 'FeedError');
    assert.ok(error instanceof Error);
    assert.deepEqual([error.kind, error.url, error.status, error.problems], ['http', 'https://x/', 404, []]);
  });

  test('a poll time that is an object rejects with FeedError "invalid" and its path, not a TypeError', async () => {
    const feed = fixture('complete.json');
    feed.polls[0].opens = { toString: 0 };
    const { fetch } = stub(() => json(JSON.stringify(feed)));
    const error = await rejection(loadFeedPart(pollsPart, 'https://feeds.example/poll-opens.json', { fetch }));
    assert.equal(error.kind, 'invalid');
    assert.deepEqual(error.problems.map((p) => p.path), ['$.polls[0].opens']);
  });
});
