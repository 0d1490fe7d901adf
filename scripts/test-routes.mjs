// HTTP routes for browser tests, mounted into web-test-runner's dev server as Koa middleware.
// Everything lives under /__test/feed/ so it never shadows a real file. The loader is tested
// against a real server (headers, streaming, slow bodies, aborted connections) rather than a
// stubbed fetch, because those are exactly the places where loaders break in the field.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { voteServerTestRoutes } from './test-vote-server.mjs';

const PREFIX = '/__test/feed/';
const fixture = (name) => readFileSync(new URL(`../packages/feed/test/fixtures/${name}`, import.meta.url), 'utf8');
const validFeed = fixture('minimal.json');
const completeFeed = fixture('complete.json');
/**
 * The complete fixture plus a second action field ("arbeit", serving guideline 2 only) with a
 * timeline entry and a poll of its own: a selection of either field shows different entries.
 */
const groupsFeed = (() => {
  const feed = JSON.parse(completeFeed);
  feed.actionFields.push({
    id: 'arbeit',
    number: 2,
    title: { de: 'Arbeit', en: 'Work', 'de-x-ls': 'Arbeit und Beruf' },
    summary: 'Arbeit für alle.',
    guidelines: ['leitlinie-2'],
    goals: [{ id: 'arbeit-z1', title: 'Zugang', measures: [{ id: 'arbeit-m1', title: 'Jobmesse', status: [{ status: 'accepted', date: '2025' }], themes: [] }] }],
  });
  feed.actionFields[0].guidelines = ['leitlinie-1'];
  feed.timeline.push({ id: 'arbeit-messe', kind: 'event', date: '2027-03-12', title: 'Jobmesse', actionFields: ['arbeit'] });
  feed.polls.push({
    ...feed.polls[0],
    id: 'arbeit-poll',
    question: 'Welche Jobmesse?',
    options: [{ id: 'a', label: 'Frühjahr' }, { id: 'b', label: 'Herbst' }],
    choice: 'single',
    maxChoices: undefined,
    opens: '2026-01-01T00:00:00Z',
    closes: '2099-01-01T00:00:00Z',
    actionFields: ['arbeit'],
  });
  return JSON.stringify(feed);
})();

// Per-key state so that concurrent test files never see each other's counters or switches.
const hits = new Map();
const closedEarly = new Map();
const failing = new Map();
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const json = (ctx, body, type = 'application/json') => {
  ctx.status = 200;
  ctx.set('Content-Type', type);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
};

/** Streams `bytes` bytes of an (unfinished) JSON document, with or without a Content-Length. */
const huge = (ctx, bytes, declareLength) => {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  ctx.status = 200;
  ctx.set('Content-Type', 'application/json');
  if (declareLength) ctx.length = bytes;
  async function* body() {
    yield Buffer.from('{"padding":"');
    for (let sent = 12; sent < bytes; sent += chunk.length) {
      yield sent + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - sent);
    }
  }
  ctx.body = Readable.from(body());
};

const routes = {
  // A valid minimal feed; any query string makes a distinct cache key for the loader.
  'valid.json': (ctx) => json(ctx, validFeed),
  'complete.json': (ctx) => json(ctx, completeFeed),
  // Valid feed with a structured-syntax suffix type, which must be accepted.
  'vendor-json': (ctx) => json(ctx, validFeed, 'application/vnd.wir.feed+json; charset=utf-8'),
  // The classic misconfiguration: an SPA or CDN answering every path with its HTML page.
  'html-200': (ctx) => json(ctx, '<!doctype html><title>Not found</title><h1>Page not found</h1>', 'text/html; charset=utf-8'),
  'text-plain': (ctx) => json(ctx, validFeed, 'text/plain; charset=utf-8'),
  'no-content-type': (ctx) => {
    ctx.status = 200;
    ctx.body = Buffer.from(validFeed);
    ctx.remove('Content-Type');
  },
  'not-json': (ctx) => json(ctx, '{\n  "schemaVersion": "1.0",\n  "strategy": {,\n}'),
  'empty': (ctx) => json(ctx, ''),
  'invalid.json': (ctx) => {
    const feed = JSON.parse(validFeed);
    delete feed.strategy.title;
    feed.guidelines = [{ id: 'leitlinie-1', number: 1, title: 42, text: 'x' }];
    json(ctx, JSON.stringify(feed));
  },
  // Two action fields with their own timeline entries and polls, for widget groups.
  'groups.json': (ctx) => json(ctx, groupsFeed),
  // Complete, except for one poll: only the voting box's part of it fails.
  'broken-poll.json': (ctx) => {
    const feed = JSON.parse(completeFeed);
    feed.polls[0].results = 'never';
    json(ctx, JSON.stringify(feed));
  },
  'newer-major.json': (ctx) => json(ctx, JSON.stringify({ ...JSON.parse(validFeed), schemaVersion: '2.0' })),
  // 6 MiB streamed without Content-Length: only counting bytes while reading can catch it.
  'huge-streamed': (ctx) => huge(ctx, 6 * 1024 * 1024, false),
  'huge-declared': (ctx) => huge(ctx, 6 * 1024 * 1024, true),
  // Answers after ?ms= (default 3000) unless the client hangs up first, which is recorded.
  'slow': async (ctx) => {
    const key = ctx.query.key ?? '';
    count(hits, `slow:${key}`);
    let gone = false;
    ctx.req.once('close', () => {
      if (!ctx.res.writableEnded) gone = true;
    });
    await sleep(Number(ctx.query.ms ?? 3000));
    if (gone) count(closedEarly, key);
    json(ctx, validFeed);
  },
  // Counts hits per ?key=, answering a little late so that concurrent callers overlap.
  'counted': async (ctx) => {
    count(hits, `counted:${ctx.query.key ?? ''}`);
    await sleep(150);
    json(ctx, validFeed);
  },
  // GET /__test/feed/hits?key=k → {counted, slow, closedEarly}; add &reset to zero them.
  'hits': (ctx) => {
    const key = ctx.query.key ?? '';
    const body = {
      counted: hits.get(`counted:${key}`) ?? 0,
      slow: hits.get(`slow:${key}`) ?? 0,
      closedEarly: closedEarly.get(key) ?? 0,
    };
    if ('reset' in ctx.query) {
      hits.delete(`counted:${key}`);
      hits.delete(`slow:${key}`);
      closedEarly.delete(key);
    }
    json(ctx, JSON.stringify(body));
  },
  // Valid feed until switched: /__test/feed/switch?key=k&mode=fail (or mode=ok).
  'switchable': (ctx) => {
    const mode = failing.get(ctx.query.key ?? '');
    // "drop": the connection is cut without an answer, as when the network goes away.
    if (mode === 'drop') return void ctx.req.socket.destroy();
    if (mode) {
      ctx.status = 503;
      ctx.body = 'Service Unavailable';
      return;
    }
    json(ctx, ctx.query.feed === 'groups' ? groupsFeed : validFeed);
  },
  'switch': (ctx) => {
    const key = ctx.query.key ?? '';
    if (ctx.query.mode === 'fail' || ctx.query.mode === 'drop') failing.set(key, ctx.query.mode);
    else failing.delete(key);
    json(ctx, JSON.stringify({ key, failing: failing.has(key) }));
  },
};

/** Koa-style middlewares for web-test-runner's `middleware` option. */
export const testRoutes = [
  async function feedTestRoutes(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const name = ctx.path.slice(PREFIX.length);
    const status = /^status\/(\d{3})$/.exec(name);
    if (status) {
      ctx.status = Number(status[1]);
      ctx.set('Content-Type', 'text/plain');
      ctx.body = `Status ${status[1]}`;
      return;
    }
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) return next();
    await route(ctx);
  },
  // Real vote-server processes for <wir-voting-box>, under /__test/vote-server/.
  voteServerTestRoutes,
];
