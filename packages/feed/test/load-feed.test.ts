import { expect } from '@open-wc/testing';
import {
  clearFeedCache,
  FeedError,
  type FeedResult,
  guidelinesPart,
  loadFeed,
  loadFeedPart,
  pollsPart,
  timelinePart,
} from '../src/index.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha, so this module types
// the few it uses (module-scoped, so a later global declaration cannot clash with these).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

const base = '/__test/feed/';
let unique = 0;
/** A fresh absolute URL per call, so tests never share the loader's per-URL cache. */
const url = (path: string, query = ''): string =>
  new URL(`${base}${path}?t=${Date.now()}-${++unique}${query ? '&' + query : ''}`, location.href).href;

const rejection = async (promise: Promise<unknown>): Promise<FeedError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the promise to reject');
};

const hits = async (key: string, reset = false): Promise<{ counted: number; slow: number; closedEarly: number }> =>
  (await fetch(`${base}hits?key=${key}${reset ? '&reset' : ''}`)).json();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('loadFeed over real HTTP', () => {
  afterEach(() => clearFeedCache());

  it('loads and validates a feed, resolving relative URLs against document.baseURI', async () => {
    const result = await loadFeed(`${base}valid.json?relative=${++unique}`);
    expect(result.url).to.equal(new URL(`${base}valid.json?relative=${unique}`, document.baseURI).href);
    expect(result.stale).to.equal(false);
    expect(result.staleReason).to.equal(undefined);
    expect(result.loadedAt).to.be.instanceOf(Date);
    expect(result.feed.strategy.id).to.equal('wir-test');
  });

  it('accepts URL objects and ignores the #fragment for caching', async () => {
    const href = url('valid.json');
    const first = await loadFeed(new URL(href));
    expect(await loadFeed(href + '#section')).to.equal(first);
  });

  it('accepts +json content types', async () => {
    const result = await loadFeed(url('vendor-json'));
    expect(result.feed.schemaVersion).to.equal('1.0');
  });

  it('network failure: kind "network", message names the URL', async () => {
    const error = await rejection(loadFeed('http://127.0.0.1:9/feed.json'));
    expect(error.kind).to.equal('network');
    expect(error.url).to.equal('http://127.0.0.1:9/feed.json');
    expect(error.message).to.contain('http://127.0.0.1:9/feed.json');
    expect(error.problems).to.deep.equal([]);
  });

  for (const status of [404, 500]) {
    it(`HTTP ${status}: kind "http" with the status`, async () => {
      const href = url(`status/${status}`);
      const error = await rejection(loadFeed(href));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
      expect(error.message).to.contain(String(status)).and.contain(href);
    });
  }

  it('an HTML page served with 200: kind "content-type", says an HTML page was received', async () => {
    const error = await rejection(loadFeed(url('html-200')));
    expect(error.kind).to.equal('content-type');
    expect(error.status).to.equal(200);
    expect(error.message).to.contain('an HTML page was received');
  });

  it('text/plain (even with valid JSON in it): kind "content-type"', async () => {
    const error = await rejection(loadFeed(url('text-plain')));
    expect(error.kind).to.equal('content-type');
    expect(error.message).to.contain('text/plain').and.contain('application/json');
  });

  it('invalid JSON served as application/json: kind "not-json" with the position', async () => {
    const error = await rejection(loadFeed(url('not-json')));
    expect(error.kind).to.equal('not-json');
    expect(error.message).to.contain('is not valid JSON');
    // Chromium reports the offset; the loader adds line and column when the parser does not.
    expect(error.message).to.match(/line 3/);
  });

  it('an empty body: kind "not-json" saying it is empty', async () => {
    const error = await rejection(loadFeed(url('empty')));
    expect(error.kind).to.equal('not-json');
    expect(error.message).to.contain('is empty');
  });

  it('6 MiB streamed without Content-Length: kind "too-large", caught while reading', async () => {
    const error = await rejection(loadFeed(url('huge-streamed')));
    expect(error.kind).to.equal('too-large');
    expect(error.message).to.contain('5 MiB').and.contain('received');
  });

  it('6 MiB with Content-Length: kind "too-large" before reading the body', async () => {
    const error = await rejection(loadFeed(url('huge-declared')));
    expect(error.kind).to.equal('too-large');
    expect(error.message).to.contain('6 MiB');
  });

  it('maxBytes lowers the limit', async () => {
    const error = await rejection(loadFeed(url('valid.json'), { maxBytes: 100 }));
    expect(error.kind).to.equal('too-large');
  });

  it('an invalid feed: kind "invalid", problems attached, message names the first and the count', async () => {
    const error = await rejection(loadFeed(url('invalid.json')));
    expect(error.kind).to.equal('invalid');
    expect(error.problems.map((p) => p.path)).to.deep.equal(['$.strategy.title', '$.guidelines[0].title']);
    expect(error.message).to.contain('has 2 problems').and.contain('$.strategy.title: Missing required field "title".');
  });

  it('a newer major schemaVersion: kind "unsupported-version"', async () => {
    const error = await rejection(loadFeed(url('newer-major.json')));
    expect(error.kind).to.equal('unsupported-version');
    expect(error.problems).to.have.length(1);
    expect(error.problems[0].code).to.equal('unsupported-version');
    expect(error.message).to.contain('2.0');
  });

  it('never throws synchronously, even for nonsense input', async () => {
    let promise: Promise<FeedResult> | undefined;
    expect(() => (promise = loadFeed('http://[::1', {}))).not.to.throw();
    const error = await rejection(promise!);
    expect(error.message).to.contain('not a valid feed URL');
    expect(() => loadFeed(undefined as never).catch(() => {})).not.to.throw();
    expect((await rejection(loadFeed(''))).message).to.contain('"" is not a valid feed URL');
    expect(() => loadFeed(url('valid.json'), { fetch: 'nope' as never }).catch(() => {})).not.to.throw();
  });
});

describe('loadFeed: once per page', () => {
  afterEach(() => clearFeedCache());

  it('concurrent callers share one request; later callers get the same result without a request', async () => {
    const key = `dedupe-${Date.now()}`;
    await hits(key, true);
    const href = url('counted', `key=${key}`);
    const results = await Promise.all([loadFeed(href), loadFeed(href), loadFeed(href)]);
    expect(results[1]).to.equal(results[0]);
    expect(results[2]).to.equal(results[0]);
    expect((await hits(key)).counted).to.equal(1);
    expect(await loadFeed(href)).to.equal(results[0]);
    expect((await hits(key)).counted).to.equal(1);
  });

  it('reload fetches again', async () => {
    const key = `reload-${Date.now()}`;
    await hits(key, true);
    const href = url('counted', `key=${key}`);
    const first = await loadFeed(href);
    const second = await loadFeed(href, { reload: true });
    expect(second).not.to.equal(first);
    expect((await hits(key)).counted).to.equal(2);
  });

  it('errors are not cached: the next call tries again', async () => {
    const href = url('status/500');
    expect((await rejection(loadFeed(href))).kind).to.equal('http');
    expect((await rejection(loadFeed(href))).kind).to.equal('http');
  });
});

describe('loadFeed: aborting', () => {
  afterEach(() => clearFeedCache());

  it('an already aborted signal rejects at once with kind "aborted"', async () => {
    const error = await rejection(loadFeed(url('valid.json'), { signal: AbortSignal.abort() }));
    expect(error.kind).to.equal('aborted');
  });

  it("one caller's abort rejects only that caller; the others still get the feed", async () => {
    const key = `abort-one-${Date.now()}`;
    await hits(key, true);
    const href = url('slow', `ms=400&key=${key}`);
    const controller = new AbortController();
    const leaving = loadFeed(href, { signal: controller.signal });
    const staying = loadFeed(href);
    const alsoStaying = loadFeed(href, { signal: new AbortController().signal });
    await sleep(50);
    controller.abort();
    expect((await rejection(leaving)).kind).to.equal('aborted');
    expect((await staying).feed.strategy.id).to.equal('wir-test');
    expect(await alsoStaying).to.equal(await staying);
    const counts = await hits(key);
    expect(counts.slow).to.equal(1);
    expect(counts.closedEarly).to.equal(0);
  });

  it('the request itself is aborted when every waiter aborted, and a new call starts afresh', async () => {
    const key = `abort-all-${Date.now()}`;
    await hits(key, true);
    const href = url('slow', `ms=600&key=${key}`);
    const a = new AbortController();
    const b = new AbortController();
    const first = loadFeed(href, { signal: a.signal });
    const second = loadFeed(href, { signal: b.signal });
    await sleep(100);
    a.abort();
    b.abort();
    expect((await rejection(first)).kind).to.equal('aborted');
    expect((await rejection(second)).kind).to.equal('aborted');
    await sleep(800);
    // The server saw the connection close before it answered.
    expect((await hits(key)).closedEarly).to.equal(1);
    const again = await loadFeed(href);
    expect(again.stale).to.equal(false);
    expect((await hits(key)).slow).to.equal(2);
  });
});

describe('loadFeed: last-good copy', () => {
  const storageKey = (href: string) => `wir-feed:last-good:${href}`;
  afterEach(() => clearFeedCache());

  it('resolves stale with the previous feed when the server starts failing, then uses localStorage after clearFeedCache()', async () => {
    const key = `switch-${Date.now()}`;
    const href = url('switchable', `key=${key}`);
    await fetch(`${base}switch?key=${key}&mode=ok`);
    const good = await loadFeed(href);
    expect(good.stale).to.equal(false);
    expect(JSON.parse(localStorage.getItem(storageKey(href))!).feed).to.deep.equal(good.feed);

    await fetch(`${base}switch?key=${key}&mode=fail`);
    const stale = await loadFeed(href, { reload: true });
    expect(stale.stale).to.equal(true);
    expect(stale.feed).to.deep.equal(good.feed);
    expect(stale.loadedAt.getTime()).to.equal(good.loadedAt.getTime());
    expect(stale.staleReason).to.be.instanceOf(FeedError);
    expect(stale.staleReason!.kind).to.equal('http');
    expect(stale.staleReason!.status).to.equal(503);

    clearFeedCache();
    const fromStorage = await loadFeed(href);
    expect(fromStorage.stale).to.equal(true);
    expect(fromStorage.feed).to.deep.equal(good.feed);
    expect(fromStorage.loadedAt.toISOString()).to.equal(good.loadedAt.toISOString());
    expect(fromStorage.staleReason!.kind).to.equal('http');

    await fetch(`${base}switch?key=${key}&mode=ok`);
    const fresh = await loadFeed(href, { reload: true });
    expect(fresh.stale).to.equal(false);
    localStorage.removeItem(storageKey(href));
  });

  it('a network failure also falls back to the stored copy', async () => {
    const href = 'http://127.0.0.1:9/last-good.json';
    const feed = await (await fetch(`${base}valid.json`)).json();
    localStorage.setItem(storageKey(href), JSON.stringify({ loadedAt: '2026-01-02T03:04:05.000Z', feed }));
    try {
      const result = await loadFeed(href);
      expect(result.stale).to.equal(true);
      expect(result.staleReason!.kind).to.equal('network');
      expect(result.loadedAt.toISOString()).to.equal('2026-01-02T03:04:05.000Z');
    } finally {
      localStorage.removeItem(storageKey(href));
    }
  });

  it('a stored copy that is not a valid feed is ignored', async () => {
    const href = 'http://127.0.0.1:9/tampered.json';
    localStorage.setItem(storageKey(href), JSON.stringify({ loadedAt: 'x', feed: { schemaVersion: '1.0' } }));
    try {
      expect((await rejection(loadFeed(href))).kind).to.equal('network');
    } finally {
      localStorage.removeItem(storageKey(href));
    }
  });

  it('content errors (HTML page, invalid feed) do not fall back: editors must see them', async () => {
    const key = `no-fallback-${Date.now()}`;
    const href = url('switchable', `key=${key}`);
    await loadFeed(href);
    clearFeedCache();
    // Same URL now answered by a different route is not possible, so store a copy for the HTML route.
    const htmlHref = url('html-200');
    localStorage.setItem(storageKey(htmlHref), localStorage.getItem(storageKey(href))!);
    try {
      expect((await rejection(loadFeed(htmlHref))).kind).to.equal('content-type');
    } finally {
      localStorage.removeItem(storageKey(href));
      localStorage.removeItem(storageKey(htmlHref));
    }
  });

  it('a feed broken in one part fails only the widgets reading that part, and is kept for the others', async () => {
    const href = url('broken-poll.json');
    const [polls, guidelines, timeline] = await Promise.allSettled([
      loadFeedPart(pollsPart, href),
      loadFeedPart(guidelinesPart, href),
      loadFeedPart(timelinePart, href),
    ]);
    expect(polls.status).to.equal('rejected');
    const error = (polls as PromiseRejectedResult).reason as FeedError;
    expect(error.kind).to.equal('invalid');
    expect(error.problems.map((p) => p.path)).to.deep.equal(['$.polls[0].results']);
    expect(guidelines.status).to.equal('fulfilled');
    expect(timeline.status).to.equal('fulfilled');
    // The same copy, checked per part: the guideline part's result is the parsed feed itself.
    expect((guidelines as PromiseFulfilledResult<FeedResult>).value.feed).to.equal(
      (timeline as PromiseFulfilledResult<FeedResult>).value.feed,
    );
    expect(localStorage.getItem(storageKey(href))).to.not.equal(null);
    localStorage.removeItem(storageKey(href));
  });

  it('an invalid feed is never stored as last-good', async () => {
    const href = url('invalid.json');
    await rejection(loadFeed(href));
    expect(localStorage.getItem(storageKey(href))).to.equal(null);
  });

  it('blocked storage (throwing getItem/setItem) changes nothing but the fallback', async () => {
    const proto = Storage.prototype;
    const { getItem, setItem } = proto;
    proto.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    proto.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const result = await loadFeed(url('valid.json'));
      expect(result.stale).to.equal(false);
      expect((await rejection(loadFeed('http://127.0.0.1:9/blocked.json'))).kind).to.equal('network');
    } finally {
      proto.getItem = getItem;
      proto.setItem = setItem;
    }
  });
});
