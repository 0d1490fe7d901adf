/**
 * The API test body shared by both stores: the same requests and the same expectations run
 * against embedded PGlite and against a real PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions, type VoteApp } from '../../src/app.js';
import { solve, type Challenge } from '../../src/internal/pow.js';
import { deriveKeys } from '../../src/internal/secrets.js';
import { PollCatalog, pollsFromFeed } from '../../src/polls.js';
import { migrate, readMigrations } from '../../src/store/migrate.js';
import { VoteStore } from '../../src/store/vote-store.js';
import { DAY, feedWith, HOUR, standardPolls } from './feed.js';

export interface TestDatabase {
  /** Opens (and migrates) the suite's database; may be called again after close to reopen it. */
  open(): Promise<VoteStore>;
  dispose(): Promise<void>;
}

const CITY = 'https://city.example';
const PARTNER = 'https://partner.example';

export const token = () => randomBytes(16).toString('base64url');
const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown>;

export function defineApiSuite(label: string, setup: () => Promise<TestDatabase>): void {
  // The setup runs once, in a test of its own, so a database that cannot be set up is one
  // clearly named failure (node:test would only report the suite's tests as "cancelled").
  let ready: Promise<TestDatabase> | undefined;
  const database = () => (ready ??= setup());
  test(`${label}: the database can be set up`, { timeout: 600_000 }, async () => {
    await database();
  });

  describe(label, { timeout: 600_000 }, () => {
    const base = Date.now();
    const clock = { offset: 0 };
    const keys = deriveKeys(randomBytes(32));
    const polls = PollCatalog.fromPolls(pollsFromFeed(feedWith(standardPolls(base))).polls);
    const allPollIds = polls.list().map((p) => p.id);
    let db: TestDatabase;
    let store: VoteStore;
    let app: VoteApp;
    const extraApps: VoteApp[] = [];

    async function makeApp(overrides: Partial<AppOptions> = {}): Promise<VoteApp> {
      const made = await buildApp({
        store,
        polls,
        keys,
        allowedOrigins: [CITY],
        rateLimit: { votesPerMinute: 0, readsPerMinute: 0 },
        now: () => Date.now() + clock.offset,
        ...overrides,
      });
      if (app) extraApps.push(made);
      return made;
    }

    before(async () => {
      db = await database();
      store = await db.open();
      await store.checkSecretFingerprint(keys.fingerprint);
      await store.recordSchedule(polls.list());
      app = await makeApp();
    });

    after(async () => {
      for (const extra of extraApps) await extra.close();
      await app?.close();
      await store?.close();
      await db?.dispose();
    });

    const post = (poll: string, body: unknown, headers: Record<string, string> = {}, on: VoteApp = app) =>
      on.inject({
        method: 'POST',
        url: `/v1/polls/${poll}/votes`,
        headers: { 'content-type': 'application/json', ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const get = (url: string, headers: Record<string, string> = {}, on: VoteApp = app) => on.inject({ method: 'GET', url, headers });
    const ballot = (options: string[], extra: Record<string, unknown> = {}) => ({ options, voter: token(), idempotencyKey: randomUUID(), ...extra });

    /** Running totals and a recount from the ballots of every poll: what "changes nothing" is checked against. */
    async function snapshot(): Promise<string> {
      const totals = await store.totals(allPollIds);
      const recounts = await Promise.all(allPollIds.map((id) => store.recount(id)));
      return JSON.stringify({ totals: [...totals], recounts });
    }

    function assertError(res: LightMyRequestResponse, status: number, code: string) {
      assert.equal(res.statusCode, status, `expected ${status} ${code}, got ${res.statusCode} ${res.body}`);
      const body = json(res);
      assert.equal(body.error, code);
      assert.equal(typeof body.message, 'string');
      assert.ok((body.message as string).length > 0);
      assert.match(String(res.headers['content-type']), /^application\/json/);
    }

    describe('reading polls', () => {
      it('answers /healthz', async () => {
        const res = await get('/healthz');
        assert.equal(res.statusCode, 200);
        assert.deepEqual(json(res), { status: 'ok', polls: allPollIds.length });
      });

      it('lists polls with their state', async () => {
        const res = await get('/v1/polls');
        assert.equal(res.statusCode, 200);
        const states = Object.fromEntries((json(res).polls as { id: string; state: string }[]).map((p) => [p.id, p.state]));
        assert.deepEqual(states, { single: 'open', multi: 'open', future: 'not-open', past: 'closed', secret: 'open', partner: 'open', closing: 'open' });
      });

      it('describes a poll: state, options, choice rules, times', async () => {
        const res = await get('/v1/polls/multi');
        assert.equal(res.statusCode, 200);
        const body = json(res);
        assert.equal(body.state, 'open');
        assert.equal(body.choice, 'multiple');
        assert.equal(body.minChoices, 1);
        assert.equal(body.maxChoices, 2);
        assert.equal(body.resultsVisibility, 'always');
        assert.deepEqual((body.options as { id: string }[]).map((o) => o.id), ['w', 'x', 'y', 'z']);
        assert.deepEqual((body.options as { label: unknown }[])[0]!.label, { de: 'Option w', en: 'Option w' });
        assert.equal(body.challengeRequired, false);
        assert.equal(body.voted, null);
        assert.deepEqual(body.results, { counts: { w: 0, x: 0, y: 0, z: 0 }, total: 0 });
        assert.equal(body.refreshAfter, 10);
        assert.equal(Date.parse(body.opens as string), polls.get('multi')!.opensAt);
      });

      it('hides results by the poll rule: after-close and not-open polls', async () => {
        assert.equal(json(await get('/v1/polls/secret')).results, null);
        assert.equal(json(await get('/v1/polls/future')).state, 'not-open');
        const past = json(await get('/v1/polls/past'));
        assert.equal(past.state, 'closed');
        assert.deepEqual(past.results, { counts: { a: 0, b: 0 }, total: 0 });
      });

      it('answers 404 unknown-poll for an unknown poll and not-found for unknown paths', async () => {
        assertError(await get('/v1/polls/nope'), 404, 'unknown-poll');
        assertError(await get('/v2/anything'), 404, 'not-found');
      });

      it('supports ETag revalidation (304) and changes the ETag when totals change', async () => {
        const first = await get('/v1/polls/multi');
        const etag = first.headers.etag as string;
        assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
        assert.equal(first.headers['cache-control'], 'no-cache');
        const again = await get('/v1/polls/multi', { 'if-none-match': etag });
        assert.equal(again.statusCode, 304);
        assert.equal(again.body, '');
        assert.equal((await post('multi', ballot(['w']))).statusCode, 201);
        const changed = await get('/v1/polls/multi', { 'if-none-match': etag });
        assert.equal(changed.statusCode, 200);
        assert.notEqual(changed.headers.etag, etag);
      });

      it('sends security headers and never a cookie', async () => {
        for (const res of [await get('/v1/polls/single'), await post('single', ballot(['a'])), await get('/nope')]) {
          assert.equal(res.headers['x-content-type-options'], 'nosniff');
          assert.equal(res.headers['referrer-policy'], 'no-referrer');
          assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
          assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
          assert.equal(res.headers['set-cookie'], undefined);
          assert.match(String(res.headers.vary), /Origin/);
        }
        const vote = await post('single', ballot(['b']));
        assert.equal(vote.headers['cache-control'], 'no-store');
      });
    });

    describe('voting', () => {
      it('counts a first vote (201) and answers a retry with the same key with 200 and the same body', async () => {
        const before = await store.totals(['single']);
        const body = ballot(['c']);
        const first = await post('single', body);
        assert.equal(first.statusCode, 201);
        assert.deepEqual(json(first), { poll: 'single', options: ['c'], voted: true });
        const retry = await post('single', body);
        assert.equal(retry.statusCode, 200);
        assert.equal(retry.body, first.body);
        assert.equal(retry.headers['idempotent-replayed'], 'true');
        const afterTotals = (await store.totals(['single'])).get('single')!;
        assert.equal(afterTotals.total, before.get('single')!.total + 1);
        assert.equal(afterTotals.counts.c, (before.get('single')!.counts.c ?? 0) + 1);
      });

      it('treats the same choice in another order as the same request', async () => {
        const body = ballot(['y', 'x']);
        const first = await post('multi', body);
        assert.equal(first.statusCode, 201);
        assert.deepEqual(json(first).options, ['x', 'y']);
        const retry = await post('multi', { ...body, options: ['x', 'y'] });
        assert.equal(retry.statusCode, 200);
      });

      it('accepts an upper-case idempotency key as the same key', async () => {
        const body = ballot(['a']);
        assert.equal((await post('single', body)).statusCode, 201);
        assert.equal((await post('single', { ...body, idempotencyKey: body.idempotencyKey.toUpperCase() })).statusCode, 200);
      });

      it('counts multiple choice per option and per ballot', async () => {
        const before = (await store.totals(['multi'])).get('multi')!;
        for (const options of [['w', 'z'], ['z'], ['x', 'z']]) assert.equal((await post('multi', ballot(options))).statusCode, 201);
        const now = (await store.totals(['multi'])).get('multi')!;
        assert.equal(now.total, before.total + 3);
        assert.equal(now.counts.z, (before.counts.z ?? 0) + 3);
        assert.equal(now.counts.w, (before.counts.w ?? 0) + 1);
        assert.equal(now.counts.x, (before.counts.x ?? 0) + 1);
      });

      it('shows after-vote results only to a voter who proves it voted (Wir-Voter header)', async () => {
        const voter = token();
        const stranger = json(await get('/v1/polls/single', { 'wir-voter': token() }));
        assert.equal(stranger.voted, false);
        assert.equal(stranger.results, null);
        assert.equal((await post('single', { options: ['b'], voter, idempotencyKey: randomUUID() })).statusCode, 201);
        const res = await get('/v1/polls/single', { 'wir-voter': voter });
        const mine = json(res);
        assert.equal(mine.voted, true);
        const results = mine.results as { counts: Record<string, number>; total: number };
        assert.ok(results.counts.b! >= 1);
        assert.deepEqual(Object.keys(results.counts), ['a', 'b', 'c']);
        assert.equal(results.total, (await store.recount('single')).total);
        assert.equal(res.headers['cache-control'], 'private, no-cache');
        assert.match(String(res.headers.vary), /Wir-Voter/);
        assert.equal(json(await get('/v1/polls/single')).results, null);
      });

      it('counts options named like Object.prototype keys ("constructor") from zero', async () => {
        const spec = { id: 'proto-keys', choice: 'single' as const, options: ['constructor', 'total', 'a'], opens: base - DAY, closes: base + 30 * DAY, results: 'always' as const };
        const protoApp = await makeApp({ polls: PollCatalog.fromPolls(pollsFromFeed(feedWith([spec])).polls) });
        assert.deepEqual(json(await get('/v1/polls/proto-keys', {}, protoApp)).results, { counts: { constructor: 0, total: 0, a: 0 }, total: 0 });
        assert.equal((await post('proto-keys', ballot(['constructor']), {}, protoApp)).statusCode, 201);
        assert.equal((await post('proto-keys', ballot(['a']), {}, protoApp)).statusCode, 201);
        assert.deepEqual(json(await get('/v1/polls/proto-keys', {}, protoApp)).results, { counts: { constructor: 1, total: 0, a: 1 }, total: 2 });
        assert.deepEqual((await store.totals(['proto-keys'])).get('proto-keys'), await store.recount('proto-keys'));
      });

      it('keeps running totals equal to a recount of the ballots', async () => {
        for (const id of allPollIds) {
          const running = (await store.totals([id])).get(id)!;
          assert.deepEqual(running, await store.recount(id), id);
        }
      });
    });

    describe('hostile requests change nothing', () => {
      const rawPost = (poll: string, payload: string | Buffer, headers: Record<string, string>) =>
        app.inject({ method: 'POST', url: `/v1/polls/${poll}/votes`, headers, payload });
      const jsonHeaders = { 'content-type': 'application/json' };
      let voted: { options: string[]; voter: string; idempotencyKey: string };

      before(async () => {
        voted = ballot(['a']);
        assert.equal((await post('single', voted)).statusCode, 201);
      });

      const cases: [name: string, send: () => Promise<LightMyRequestResponse>, status: number, code: string][] = [
        ['options as a string instead of a list', () => post('single', { ...ballot([]), options: 'a' }), 400, 'invalid-body'],
        ['voter as a number', () => post('single', { ...ballot(['a']), voter: 12345678901234567890 }), 400, 'invalid-body'],
        ['idempotency key that is not a UUID', () => post('single', { ...ballot(['a']), idempotencyKey: 'not-a-uuid' }), 400, 'invalid-body'],
        ['missing voter', () => post('single', { options: ['a'], idempotencyKey: randomUUID() }), 400, 'invalid-body'],
        ['missing options', () => post('single', { voter: token(), idempotencyKey: randomUUID() }), 400, 'invalid-body'],
        ['missing idempotency key', () => post('single', { options: ['a'], voter: token() }), 400, 'invalid-body'],
        ['an extra field', () => post('single', ballot(['a'], { weight: 1000 })), 400, 'invalid-body'],
        ['a __proto__ key (prototype pollution)', () => post('single', `{"options":["a"],"voter":"${token()}","idempotencyKey":"${randomUUID()}","__proto__":{"admin":true}}`), 400, 'malformed-json'],
        ['a constructor.prototype key', () => post('single', `{"options":["a"],"voter":"${token()}","idempotencyKey":"${randomUUID()}","constructor":{"prototype":{"admin":true}}}`), 400, 'malformed-json'],
        ['a body over the 4 KB limit', () => post('single', ballot(['a'], { pad: 'x'.repeat(5000) })), 413, 'body-too-large'],
        ['a 1 MB body', () => rawPost('single', Buffer.alloc(1024 * 1024, 0x20), jsonHeaders), 413, 'body-too-large'],
        ['text/plain (a CORS-simple type)', () => rawPost('single', JSON.stringify(ballot(['a'])), { 'content-type': 'text/plain' }), 415, 'unsupported-media-type'],
        ['a form post', () => rawPost('single', 'options=a&voter=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type'],
        ['no content type', () => rawPost('single', JSON.stringify(ballot(['a'])), {}), 415, 'unsupported-media-type'],
        ['malformed JSON', () => post('single', '{"options": ["a"'), 400, 'malformed-json'],
        ['an empty JSON body', () => rawPost('single', '', jsonHeaders), 400, 'empty-body'],
        ['a JSON list instead of an object', () => post('single', '[]'), 400, 'invalid-body'],
        ['JSON null', () => post('single', 'null'), 400, 'invalid-body'],
        ['an unknown poll', () => post('nope', ballot(['a'])), 404, 'unknown-poll'],
        ['SQL in the poll id', () => post(encodeURIComponent("single'; DROP TABLE votes; --"), ballot(['a'])), 404, 'unknown-poll'],
        ['path traversal in the poll id', () => post('..%2F..%2Fhealthz', ballot(['a'])), 404, 'unknown-poll'],
        ['a 200-character poll id', () => post('p'.repeat(200), ballot(['a'])), 414, 'uri-too-long'],
        ['broken percent-encoding in the poll id', () => post('single%E0%A4%A', ballot(['a'])), 400, 'malformed-url'],
        ['SQL in an option', () => post('single', ballot(["a' OR '1'='1"])), 400, 'invalid-body'],
        ['an unknown option', () => post('single', ballot(['d'])), 422, 'unknown-option'],
        ['an option of another poll', () => post('single', ballot(['w'])), 422, 'unknown-option'],
        ['two options in a single-choice poll', () => post('single', ballot(['a', 'b'])), 422, 'too-many-options'],
        ['three options where at most two are allowed', () => post('multi', ballot(['w', 'x', 'y'])), 422, 'too-many-options'],
        ['no option at all', () => post('single', ballot([])), 422, 'no-option'],
        ['the same option twice', () => post('multi', ballot(['w', 'w'])), 422, 'duplicate-option'],
        ['65 options', () => post('multi', ballot(Array.from({ length: 65 }, (_, i) => `o${i}`))), 400, 'invalid-body'],
        ['an option id of 101 characters', () => post('single', ballot(['a'.repeat(101)])), 400, 'invalid-body'],
        ['an option as an object', () => post('single', ballot([{ id: 'a' } as unknown as string])), 400, 'invalid-body'],
        ['a Cyrillic look-alike option id', () => post('single', ballot(['\u0430'])), 400, 'invalid-body'],
        ['a full-width option id', () => post('single', ballot(['\uFF41'])), 400, 'invalid-body'],
        ['a zero-width space in the voter token', () => post('single', { ...ballot(['a']), voter: `${token()}\u200B` }), 400, 'invalid-body'],
        ['a trailing newline in the voter token', () => post('single', { ...ballot(['a']), voter: `${token()}\n` }), 400, 'invalid-body'],
        ['a NUL in the voter token', () => post('single', { ...ballot(['a']), voter: `${token()}\u0000` }), 400, 'invalid-body'],
        ['a too short (126-bit) voter token', () => post('single', { ...ballot(['a']), voter: 'A'.repeat(21) }), 400, 'invalid-body'],
        ['Arabic-Indic digits in the idempotency key', () => post('single', { ...ballot(['a']), idempotencyKey: randomUUID().replace(/[0-9]/g, '\u0661') }), 400, 'invalid-body'],
        ['a vote before the poll opens', () => post('future', ballot(['a'])), 403, 'poll-not-open'],
        ['a vote after the poll closed', () => post('past', ballot(['a'])), 403, 'poll-closed'],
        ['a foreign origin', () => post('single', ballot(['a']), { origin: 'https://evil.example' }), 403, 'origin-not-allowed'],
        ['the "null" origin (sandboxed frame, file:)', () => post('single', ballot(['a']), { origin: 'null' }), 403, 'origin-not-allowed'],
        ['a look-alike of the city origin', () => post('single', ballot(['a']), { origin: 'https://city.example.evil.example' }), 403, 'origin-not-allowed'],
        ['an origin with a path', () => post('single', ballot(['a']), { origin: 'https://city.example/x' }), 403, 'origin-not-allowed'],
        ["a partner's origin on a poll it is not allowed for", () => post('single', ballot(['a']), { origin: PARTNER }), 403, 'origin-not-allowed'],
        ['a second vote by the same voter with a new key', () => post('single', { ...voted, idempotencyKey: randomUUID() }), 409, 'already-voted'],
        ['a second vote by the same voter for another option', () => post('single', { ...voted, options: ['b'], idempotencyKey: randomUUID() }), 409, 'already-voted'],
        ['a replayed idempotency key with other options', () => post('single', { ...voted, options: ['c'] }), 422, 'idempotency-key-reused'],
        ['a replayed idempotency key with another voter', () => post('single', { ...voted, voter: token() }), 422, 'idempotency-key-reused'],
        ['a PUT instead of POST', () => app.inject({ method: 'PUT', url: '/v1/polls/single/votes', headers: jsonHeaders, payload: JSON.stringify(ballot(['a'])) }), 404, 'not-found'],
        ['a malformed Wir-Voter header when reading', () => get('/v1/polls/single', { 'wir-voter': "x' OR 1=1" }), 400, 'invalid-header'],
        ['a proof of work when none is asked for, malformed', () => post('single', ballot(['a'], { proof: { algorithm: 'SHA-256' } })), 400, 'invalid-body'],
      ];

      it(`has at least twenty cases (${cases.length})`, () => assert.ok(cases.length >= 20));

      for (const [name, send, status, code] of cases) {
        it(`${name} → ${status} ${code}`, async () => {
          const before = await snapshot();
          assertError(await send(), status, code);
          assert.equal(await snapshot(), before, 'totals changed');
        });
      }

      it('the stored ballots never contain the raw voter token or idempotency key', async () => {
        const rows = await store.db.query<{ row: string }>('SELECT row_to_json(v)::text AS row FROM votes v');
        const dump = rows.map((r) => r.row).join('\n');
        assert.ok(rows.length > 0);
        assert.ok(!dump.includes(voted.voter));
        assert.ok(!dump.includes(voted.idempotencyKey));
        assert.ok(!dump.includes(Buffer.from(voted.voter).toString('hex')));
      });
    });

    describe('CORS', () => {
      it('echoes an allowed origin with Vary: Origin', async () => {
        const res = await get('/v1/polls/single', { origin: CITY });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['access-control-allow-origin'], CITY);
        assert.match(String(res.headers.vary), /Origin/);
        assert.match(String(res.headers['access-control-expose-headers']), /ETag/);
        assert.equal(res.headers['access-control-allow-credentials'], undefined);
      });

      it('answers a preflight for an allowed origin', async () => {
        const res = await app.inject({
          method: 'OPTIONS',
          url: '/v1/polls/single/votes',
          headers: { origin: CITY, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
        assert.equal(res.statusCode, 204);
        assert.equal(res.headers['access-control-allow-origin'], CITY);
        assert.match(String(res.headers['access-control-allow-methods']), /POST/);
        assert.match(String(res.headers['access-control-allow-headers']), /Content-Type/);
        assert.match(String(res.headers['access-control-allow-headers']), /Wir-Voter/);
        assert.equal(res.headers['access-control-max-age'], '7200');
      });

      it('refuses a preflight from a foreign origin', async () => {
        const res = await app.inject({ method: 'OPTIONS', url: '/v1/polls/single/votes', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
        assertError(res, 403, 'origin-not-allowed');
        assert.equal(res.headers['access-control-allow-origin'], undefined);
      });

      it("allows a poll's own origins from the feed for that poll only", async () => {
        const res = await post('partner', ballot(['a']), { origin: PARTNER });
        assert.equal(res.statusCode, 201);
        assert.equal(res.headers['access-control-allow-origin'], PARTNER);
        assertError(await get('/v1/polls/single', { origin: PARTNER }), 403, 'origin-not-allowed');
      });
    });

    describe('concurrency', () => {
      it('many simultaneous votes by one voter with different keys: exactly one 201, the rest 409', async () => {
        const voter = token();
        const before = (await store.totals(['multi'])).get('multi')!.total;
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post('multi', { options: [['w', 'x', 'y', 'z'][i % 4]!], voter, idempotencyKey: randomUUID() })));
        const codes = results.map((r) => r.statusCode);
        assert.equal(codes.filter((c) => c === 201).length, 1, codes.join(','));
        assert.equal(codes.filter((c) => c === 409).length, 49, codes.join(','));
        assert.equal((await store.totals(['multi'])).get('multi')!.total, before + 1);
      });

      it('many simultaneous retries with one key: exactly one 201, the rest 200 with the same body', async () => {
        const body = ballot(['a']);
        const results = await Promise.all(Array.from({ length: 50 }, () => post('single', body)));
        const codes = results.map((r) => r.statusCode);
        assert.equal(codes.filter((c) => c === 201).length, 1, codes.join(','));
        assert.equal(codes.filter((c) => c === 200).length, 49, codes.join(','));
        assert.equal(new Set(results.map((r) => r.body)).size, 1);
      });

      it('a mix of 300 voters, retries and double votes at once keeps the totals exact', async () => {
        const before = (await store.totals(['multi'])).get('multi')!;
        const voters = Array.from({ length: 300 }, (_, i) => ballot(i % 2 ? ['w', 'x'] : ['y']));
        const requests = voters.flatMap((b) => [b, b, { ...b, idempotencyKey: randomUUID() }]);
        const results = await Promise.all(requests.map((b) => post('multi', b)));
        assert.equal(results.filter((r) => r.statusCode === 201).length, 300);
        assert.ok(results.every((r) => [200, 201, 409].includes(r.statusCode)));
        const now = (await store.totals(['multi'])).get('multi')!;
        assert.equal(now.total, before.total + 300);
        assert.equal(now.counts.w, (before.counts.w ?? 0) + 150);
        assert.equal(now.counts.y, (before.counts.y ?? 0) + 150);
        assert.deepEqual(now, await store.recount('multi'));
        assert.ok(app.voteStats().queue.largestBatch > 1, 'writes were batched');
      });
    });

    describe('time', () => {
      it('a retry arriving after the poll closed still learns its vote was counted', async () => {
        const body = ballot(['a', 'c']);
        assert.equal((await post('closing', body)).statusCode, 201);
        clock.offset = 2 * HOUR;
        try {
          const retry = await post('closing', body);
          assert.equal(retry.statusCode, 200);
          assert.deepEqual(json(retry), { poll: 'closing', options: ['a', 'c'], voted: true });
          assertError(await post('closing', ballot(['a'])), 403, 'poll-closed');
          const state = json(await get('/v1/polls/closing'));
          assert.equal(state.state, 'closed');
          assert.notEqual(state.results, null, 'after-vote results are public once closed');
        } finally {
          clock.offset = 0;
        }
      });
    });

    describe('proof of work (POW=on)', () => {
      let powApp: VoteApp;
      let challenge: Challenge;
      before(async () => {
        powApp = await makeApp({ pow: { enabled: true, maxNumber: 2000, ttlSeconds: 60 } });
      });
      const fetchChallenge = async () => json(await get('/v1/challenge', {}, powApp)) as unknown as Challenge;

      it('is off by default: /v1/challenge answers 404 challenge-disabled', async () => {
        assertError(await get('/v1/challenge'), 404, 'challenge-disabled');
      });

      it("hands a challenge to a poll's own origin too, or its readers could never vote", async () => {
        const res = await get('/v1/challenge', { origin: PARTNER }, powApp);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['access-control-allow-origin'], PARTNER);
        assertError(await get('/v1/challenge', { origin: 'https://evil.example' }, powApp), 403, 'origin-not-allowed');
      });

      it('hands out signed, expiring challenges and says so in the poll', async () => {
        const res = await get('/v1/challenge', {}, powApp);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['cache-control'], 'no-store');
        challenge = res.json() as Challenge;
        assert.equal(challenge.algorithm, 'SHA-256');
        assert.equal(challenge.maxnumber, 2000);
        assert.match(challenge.salt, /\?expires=\d+$/);
        assert.match(challenge.signature, /^[0-9a-f]{64}$/);
        assert.equal(json(await get('/v1/polls/single', {}, powApp)).challengeRequired, true);
      });

      it('refuses a vote without a solution, and changes nothing', async () => {
        const before = await snapshot();
        assertError(await post('single', ballot(['a']), {}, powApp), 403, 'challenge-required');
        assert.equal(await snapshot(), before);
      });

      it('accepts a solved challenge once, for one vote and its retries', async () => {
        const proof = solve(challenge)!;
        const body = ballot(['b'], { proof });
        assert.equal((await post('single', body, {}, powApp)).statusCode, 201);
        assert.equal((await post('single', body, {}, powApp)).statusCode, 200);
        const before = await snapshot();
        assertError(await post('single', ballot(['b'], { proof }), {}, powApp), 403, 'challenge-used');
        assert.equal(await snapshot(), before);
      });

      it('refuses a wrong number, a forged signature and an expired challenge', async () => {
        const fresh = await fetchChallenge();
        const proof = solve(fresh)!;
        const before = await snapshot();
        assertError(await post('single', ballot(['a'], { proof: { ...proof, number: (proof.number + 1) % 2001 } }), {}, powApp), 403, 'challenge-invalid');
        assertError(await post('single', ballot(['a'], { proof: { ...proof, signature: 'f'.repeat(64) } }), {}, powApp), 403, 'challenge-invalid');
        assertError(await post('single', ballot(['a'], { proof: { ...proof, salt: proof.salt.replace(/\d+$/, '9999999999') } }), {}, powApp), 403, 'challenge-invalid');
        clock.offset = 120_000;
        try {
          assertError(await post('single', ballot(['a'], { proof }), {}, powApp), 403, 'challenge-expired');
        } finally {
          clock.offset = 0;
        }
        assert.equal(await snapshot(), before);
      });
    });

    describe('abuse limits', () => {
      it('answers 429 with Retry-After once a client exceeds its vote budget, without counting', async () => {
        const limited = await makeApp({ rateLimit: { votesPerMinute: 3, readsPerMinute: 1000 } });
        for (let i = 0; i < 3; i++) assert.equal((await post('multi', ballot(['z']), {}, limited)).statusCode, 201);
        const before = await snapshot();
        const res = await post('multi', ballot(['z']), {}, limited);
        assertError(res, 429, 'rate-limited');
        assert.ok(Number(res.headers['retry-after']) >= 1);
        assert.equal(await snapshot(), before);
        // Another address has its own budget.
        const other = await limited.inject({ method: 'POST', url: '/v1/polls/multi/votes', remoteAddress: '192.0.2.9', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(ballot(['z'])) });
        assert.equal(other.statusCode, 201);
      });

      /** A vote as it reaches the server from `remoteAddress` (through a proxy when `forwardedFor` is given). */
      const voteFrom = (on: VoteApp, remoteAddress: string, forwardedFor?: string) =>
        on.inject({
          method: 'POST',
          url: '/v1/polls/multi/votes',
          remoteAddress,
          headers: { 'content-type': 'application/json', ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
          payload: JSON.stringify(ballot(['z'])),
        });

      it('gives all addresses of one IPv6 /64 one budget, so rotating addresses buys no extra votes', async () => {
        const limited = await makeApp({ rateLimit: { votesPerMinute: 3, readsPerMinute: 1000 } });
        for (const address of ['2001:db8:a:1::1', '2001:db8:a:1::2', '2001:db8:a:1:8a2e:370:7334:1'])
          assert.equal((await voteFrom(limited, address)).statusCode, 201, address);
        const before = await snapshot();
        const res = await voteFrom(limited, '2001:db8:a:1:ffff:ffff:ffff:ffff');
        assertError(res, 429, 'rate-limited');
        assert.ok(Number(res.headers['retry-after']) >= 1);
        assert.equal(await snapshot(), before);
        // The neighbouring /64 is another household with its own budget.
        assert.equal((await voteFrom(limited, '2001:db8:a:2::1')).statusCode, 201);
        // IPv4 stays per address.
        assert.equal((await voteFrom(limited, '192.0.2.10')).statusCode, 201);
      });

      it('reads the client address from X-Forwarded-For in any IPv6 spelling and still finds the /64', async () => {
        const limited = await makeApp({ rateLimit: { votesPerMinute: 3, readsPerMinute: 1000 }, trustProxy: '127.0.0.1' });
        for (const forwarded of ['2001:DB8:B:1:0:0:0:1', '[2001:db8:b:1::2]:443', '2001:0db8:000b:0001::3%eth0'])
          assert.equal((await voteFrom(limited, '127.0.0.1', forwarded)).statusCode, 201, forwarded);
        assertError(await voteFrom(limited, '127.0.0.1', '2001:db8:b:1::4'), 429, 'rate-limited');
        // An untrusted peer's header is ignored: its own address counts.
        assert.equal((await voteFrom(limited, '2001:db8:c::1', '2001:db8:b:1::5')).statusCode, 201);
      });

      it('counts an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as that IPv4 address, per address', async () => {
        const limited = await makeApp({ rateLimit: { votesPerMinute: 2, readsPerMinute: 1000 } });
        assert.equal((await voteFrom(limited, '::ffff:198.51.100.20')).statusCode, 201);
        assert.equal((await voteFrom(limited, '198.51.100.20')).statusCode, 201);
        assertError(await voteFrom(limited, '::ffff:c633:6414'), 429, 'rate-limited');
        // Its IPv4 neighbour is not in its "/64": mapped addresses are not grouped by prefix.
        assert.equal((await voteFrom(limited, '::ffff:198.51.100.21')).statusCode, 201);
      });

      it('follows a configured prefix length: /48 groups more, /128 is per address', async () => {
        const wide = await makeApp({ rateLimit: { votesPerMinute: 1, readsPerMinute: 1000, ipv6Prefix: 48 } });
        assert.equal((await voteFrom(wide, '2001:db8:d:1::1')).statusCode, 201);
        assertError(await voteFrom(wide, '2001:db8:d:ff::1'), 429, 'rate-limited');
        assert.equal((await voteFrom(wide, '2001:db8:e::1')).statusCode, 201);
        const exact = await makeApp({ rateLimit: { votesPerMinute: 1, readsPerMinute: 1000, ipv6Prefix: 128 } });
        assert.equal((await voteFrom(exact, '2001:db8:f:1::1')).statusCode, 201);
        assert.equal((await voteFrom(exact, '2001:db8:f:1::2')).statusCode, 201);
        assertError(await voteFrom(exact, '2001:db8:f:1:0::1'), 429, 'rate-limited');
      });

      it('refuses to build with a prefix length outside 32-128', async () => {
        for (const ipv6Prefix of [16, 31, 129, 64.5]) {
          await assert.rejects(makeApp({ rateLimit: { votesPerMinute: 1, readsPerMinute: 1, ipv6Prefix } }), /IPv6 prefix length .* from 32 to 128/);
        }
      });
    });

    describe('a database that does not answer', () => {
      // Every store call fails, as when PostgreSQL is stopped or the PGlite files are gone.
      const down = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      let broken: VoteApp;
      before(async () => {
        const failing = Object.assign(Object.create(store) as VoteStore, { hasVoted: down, totals: down, findPrior: down, writeBallots: down, ping: down });
        broken = await makeApp({ store: failing, totalsCacheMs: 0 });
      });

      const cases: [name: string, send: () => Promise<LightMyRequestResponse>][] = [
        ['a poll read with Wir-Voter (has this browser voted?)', () => get('/v1/polls/single', { 'wir-voter': token() }, broken)],
        ['a poll read whose results are public (totals)', () => get('/v1/polls/partner', {}, broken)],
        ['a vote in a closed poll (was it counted before?)', () => post('past', ballot(['a']), {}, broken)],
        ['a new vote', () => post('single', ballot(['a']), {}, broken)],
        ['/healthz', () => get('/healthz', {}, broken)],
      ];
      for (const [name, send] of cases) {
        it(`${name} → 503 storage-unavailable with Retry-After`, async () => {
          const res = await send();
          assertError(res, 503, 'storage-unavailable');
          assert.match(String(res.headers['retry-after']), /^[1-9]\d*$/);
          assert.equal(res.headers['cache-control'], 'no-store');
        });
      }

      it('a vote without its proof of work (was it counted before?) → 503 storage-unavailable', async () => {
        const withPow = await makeApp({ store: Object.assign(Object.create(store) as VoteStore, { findPrior: down }), pow: { enabled: true } });
        assertError(await post('single', ballot(['a']), {}, withPow), 503, 'storage-unavailable');
      });
    });

    describe('durability and data protection', () => {
      it('keeps votes and one-vote-per-voter across a restart of the store', async () => {
        const body = ballot(['b']);
        assert.equal((await post('single', body)).statusCode, 201);
        const before = await snapshot();
        for (const extra of extraApps.splice(0)) await extra.close();
        await app.close();
        await store.close();
        store = await db.open();
        await store.checkSecretFingerprint(keys.fingerprint);
        app = await makeApp();
        assert.equal(await snapshot(), before);
        assertError(await post('single', { ...body, idempotencyKey: randomUUID() }), 409, 'already-voted');
        assert.equal((await post('single', body)).statusCode, 200);
      });

      it('refuses to run with a different hash secret than the database was made with', async () => {
        await assert.rejects(store.checkSecretFingerprint(deriveKeys(randomBytes(32)).fingerprint), /hash secret differs/);
      });

      it('re-running migrations applies nothing; an edited applied migration stops the start', async () => {
        assert.deepEqual(await migrate(store.db), []);
        const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
        await assert.rejects(migrate(store.db, edited), /was changed after it was applied/);
      });

      it('anonymises ballots of polls past their retention period, keeping the totals', async () => {
        const voter = token();
        clock.offset = 0;
        assert.equal((await post('single', { options: ['a'], voter, idempotencyKey: randomUUID() })).statusCode, 201);
        const before = await snapshot();
        // 'closing' closed one hour after `base`; 30 days later its hashes are due, the others not.
        const result = await store.anonymizeExpired(new Date(base + 35 * DAY), 30);
        assert.deepEqual(result.polls, ['closing']);
        assert.ok(result.ballots >= 1);
        const [left] = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM votes WHERE poll_id = 'closing' AND (voter_hash IS NOT NULL OR key_hash IS NOT NULL OR request_digest IS NOT NULL)`);
        assert.equal(left!.n, 0);
        assert.equal(await snapshot(), before);
        assert.equal(json(await get('/v1/polls/single', { 'wir-voter': voter })).voted, true, 'open polls keep their hashes');
        assert.deepEqual((await store.anonymizeExpired(new Date(base + 35 * DAY), 30)).ballots, 0);
      });

      it('keeps an anonymised poll closed when the feed opens it again: no repeat vote, no retry counted twice', async () => {
        // 'closing' was anonymised by the test before. Without its hashes UNIQUE cannot match,
        // so a reopened poll would count the same voter and the same request again.
        const voter = token();
        const body = { options: ['a'], voter, idempotencyKey: randomUUID() };
        const reopened = PollCatalog.fromPolls(
          pollsFromFeed(feedWith(standardPolls(base).map((p) => (p.id === 'closing' ? { ...p, closes: base + 60 * DAY } : p)))).polls,
        );
        const again = await makeApp({ polls: reopened });
        const before = await snapshot();
        assertError(await post('closing', body, {}, again), 403, 'poll-closed');
        assertError(await post('closing', ballot(['b']), {}, again), 403, 'poll-closed');
        assert.equal(json(await get('/v1/polls/closing', {}, again)).state, 'closed');
        const listed = (json(await get('/v1/polls', {}, again)).polls as { id: string; state: string }[]).find((p) => p.id === 'closing');
        assert.equal(listed!.state, 'closed');
        // The database itself refuses, for an instance that has not heard of the erasure yet.
        const ballotInput = { pollId: 'closing', voterHash: 'aa'.repeat(32), keyHash: 'bb'.repeat(32), digest: 'cc'.repeat(32), options: ['a'] };
        assert.deepEqual(await store.writeBallots([ballotInput]), ['anonymized']);
        // Another instance (or this one after a restart) learns it from the database.
        const other = new VoteStore(store.db);
        assert.equal(other.isAnonymized('closing'), false);
        await other.loadAnonymized();
        assert.equal(other.isAnonymized('closing'), true);
        assert.equal(await snapshot(), before);
      });

      it('erases no poll the current feed has open, even if its recorded closing time is past', async () => {
        const body = ballot(['w']);
        assert.equal((await post('multi', body)).statusCode, 201);
        const result = await store.anonymizeExpired(new Date(base + 400 * DAY), 30, ['multi', 'single', 'secret', 'partner']);
        assert.ok(!result.polls.includes('multi'));
        assert.equal((await post('multi', body)).statusCode, 200, 'the retry is still recognised');
      });
    });
  });
}
