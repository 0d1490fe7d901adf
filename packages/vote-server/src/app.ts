import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { LogController } from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { ApiError } from './errors.js';
import { GroupCommit, QueueFullError } from './internal/group-commit.js';
import { canonicalOriginHeader } from './internal/origins.js';
import { ProofOfWork } from './internal/pow.js';
import { ClientHasher, RateLimiter } from './internal/rate-limit.js';
import { keyedHash, type Keys } from './internal/secrets.js';
import { pollState, type PollCatalog, type PollDefinition } from './polls.js';
import {
  challengeResponseSchema,
  pollListResponseSchema,
  pollResponseSchema,
  VOTER_PATTERN,
  voteBodySchema,
  voteResponseSchema,
  type VoteBody,
} from './schemas.js';
import type { BallotInput, Totals, VoteStore, WriteOutcome } from './store/vote-store.js';

export interface AppOptions {
  store: VoteStore;
  polls: PollCatalog;
  keys: Keys;
  /** Canonical origins allowed for every poll (each poll may add its own in the feed). */
  allowedOrigins: readonly string[];
  pow?: { enabled: boolean; maxNumber?: number; ttlSeconds?: number };
  /** `ipv6Prefix`: leading bits of an IPv6 address that count as one client (32–128, default 64). */
  rateLimit?: { votesPerMinute: number; readsPerMinute: number; ipv6Prefix?: number };
  trustProxy?: FastifyServerOptions['trustProxy'];
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  now?: () => number;
  batch?: { maxBatch?: number; maxQueue?: number };
  /** How long totals may be served from memory; the local writer refreshes them on commit anyway. */
  totalsCacheMs?: number;
}

export interface VoteApp extends FastifyInstance {
  /** Group-commit statistics, for the benchmark and for operators. */
  readonly voteStats: () => { queue: GroupCommit<BallotInput, WriteOutcome>['stats']; pending: number };
}

/** Request header by which a browser proves it voted, to see "after-vote" results. */
export const VOTER_HEADER = 'wir-voter';
const voterPattern = new RegExp(VOTER_PATTERN);

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Suggested seconds until the widget asks again; constant per state so ETags stay stable. */
function refreshAfter(state: string, resultsShown: boolean): number {
  if (state === 'open') return resultsShown ? 10 : 60;
  if (state === 'not-open') return 60;
  return 300;
}

function resultsVisible(poll: PollDefinition, state: string, voted: boolean | null): boolean {
  switch (poll.results) {
    case 'always':
      return true;
    case 'after-close':
      return state === 'closed';
    case 'after-vote':
      // A closed poll's outcome is public; before that only those who voted may look.
      return state === 'closed' || voted === true;
  }
}

function withZeros(poll: PollDefinition, totals: Totals): Totals {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  // Own keys only: an option may be called "constructor", which every plain object inherits.
  for (const option of poll.options) counts[option.id] = Object.hasOwn(totals.counts, option.id) ? totals.counts[option.id]! : 0;
  return { counts, total: totals.total };
}

export async function buildApp(options: AppOptions): Promise<VoteApp> {
  const now = options.now ?? Date.now;
  const { store, polls, keys } = options;
  const globalOrigins = new Set(options.allowedOrigins);
  const pow = options.pow?.enabled
    ? new ProofOfWork(keys.challengeKey, { maxNumber: options.pow.maxNumber, ttlSeconds: options.pow.ttlSeconds, now })
    : undefined;
  const voteLimiter = new RateLimiter(options.rateLimit?.votesPerMinute ?? 60, { now });
  const readLimiter = new RateLimiter(options.rateLimit?.readsPerMinute ?? 600, { now });
  const clients = new ClientHasher({
    now,
    ipv6Prefix: options.rateLimit?.ipv6Prefix,
    onRotate: () => {
      voteLimiter.clear();
      readLimiter.clear();
    },
  });

  const writer = new GroupCommit<BallotInput, WriteOutcome>((batch) => store.writeBallots(batch), {
    maxBatch: options.batch?.maxBatch ?? 500,
    maxQueue: options.batch?.maxQueue ?? 20_000,
    conflictKeys: (b) => [`v\0${b.pollId}\0${b.voterHash}`, `k\0${b.pollId}\0${b.keyHash}`],
  });

  const totalsCacheMs = options.totalsCacheMs ?? 1000;
  const totalsCache = new Map<string, { at: number; value: Promise<Totals> }>();
  function totalsOf(pollId: string): Promise<Totals> {
    const cached = totalsCache.get(pollId);
    if (cached && now() - cached.at < totalsCacheMs) return cached.value;
    // Concurrent readers share one query; a failed query is not cached.
    const value = store.totals([pollId]).then((m) => m.get(pollId)!);
    totalsCache.set(pollId, { at: now(), value });
    value.catch(() => totalsCache.delete(pollId));
    return value;
  }

  const app = Fastify({
    logger: options.logger ?? false,
    // Requests are logged by the compact hook below, never with addresses or headers.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 4096,
    requestTimeout: 15_000,
    connectionTimeout: 30_000,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 100 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Router-level refusals (bad percent-encoding, over-long ids) happen before any hook runs;
    // give them the API's error shape and headers too.
    frameworkErrors: (error, _request, frameworkReply) => {
      const reply = frameworkReply as unknown as FastifyReply;
      const api =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new ApiError(414, 'uri-too-long', 'The address is too long.')
          : new ApiError(400, 'malformed-url', 'The address is not valid.');
      reply.headers(SECURITY_HEADERS).header('vary', 'Origin').header('cache-control', 'no-store');
      void reply.code(api.statusCode).type('application/json; charset=utf-8').send(api.toBody());
    },
    // Requests Node's HTTP parser refuses (malformed, headers over 16 kB, too slow) never reach
    // Fastify's pipeline. Fastify's default handler answers in its own shape without our headers
    // and logs the error, whose rawPacket holds the request's bytes (address, voter token).
    clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const api =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new ApiError(408, 'request-timeout', 'The request did not arrive in time.')
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? new ApiError(431, 'headers-too-large', 'The request headers are too large.')
            : new ApiError(400, 'malformed-request', 'The request is not valid HTTP.');
      // Only the code: the error object carries the raw request.
      (this as unknown as FastifyInstance).log.debug({ code: error.code ?? 'unknown', status: api.statusCode }, 'client error');
      if (socket.writable) {
        const body = JSON.stringify(api.toBody());
        const headers = {
          ...SECURITY_HEADERS,
          vary: 'Origin',
          'cache-control': 'no-store',
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          connection: 'close',
        };
        const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
        socket.write(`HTTP/1.1 ${api.statusCode} ${STATUS_CODES[api.statusCode]}\r\n${head}\r\n${body}`);
      }
      socket.destroy();
    },
    ajv: {
      // Fastify's defaults would turn 7 into "7" and silently drop unknown fields; a vote API
      // should reject what it does not understand instead.
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false },
    },
  }) as unknown as VoteApp;

  (app as { voteStats: VoteApp['voteStats'] }).voteStats = () => ({ queue: writer.stats, pending: writer.pending });

  // Only JSON: text/plain and form bodies are what a cross-site form could send without a
  // CORS preflight, so refusing them (415) closes that door.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: options.bodyLimit ?? 4096 }, app.getDefaultJsonParser('error', 'error'));

  app.addHook('onRequest', async (request, reply) => {
    (request as FastifyRequest & { startedAt: number }).startedAt = performance.now();
    reply.headers(SECURITY_HEADERS);
    reply.header('vary', 'Origin');
    reply.header('cache-control', 'no-store');

    const pollId = /^\/v1\/polls\/([^/?#]+)/.exec(request.url)?.[1];
    const originHeader = request.headers.origin;
    if (originHeader !== undefined) {
      const origin = canonicalOriginHeader(originHeader);
      const poll = pollId ? polls.get(decodeURIComponentSafe(pollId)) : undefined;
      // A challenge belongs to no poll: an origin that may vote in any poll may fetch one.
      const forChallenge = request.url.split('?')[0] === '/v1/challenge';
      const allowed =
        origin !== undefined &&
        (globalOrigins.has(origin) ||
          (poll?.allowedOrigins.includes(origin) ?? false) ||
          (forChallenge && polls.list().some((p) => p.allowedOrigins.includes(origin))));
      if (!allowed) {
        throw new ApiError(403, 'origin-not-allowed', 'Requests from this origin are not allowed.');
      }
      reply.header('access-control-allow-origin', originHeader);
      reply.header('access-control-expose-headers', 'ETag, Retry-After, Date, Idempotent-Replayed');
    }

    if (request.method === 'OPTIONS') return; // preflights are answered by their route, unlimited
    const route = request.url.split('?')[0]!;
    if (route === '/healthz') return;
    const isWrite = request.method === 'POST' || route === '/v1/challenge';
    const limiter = isWrite ? voteLimiter : readLimiter;
    const verdict = limiter.take(clients.hash(request.ip));
    if (!verdict.ok) {
      throw new ApiError(429, 'rate-limited', 'Too many requests from this network; try again later.', { retryAfter: verdict.retryAfter });
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.log.level === 'debug' || request.log.level === 'trace') {
      const startedAt = (request as FastifyRequest & { startedAt?: number }).startedAt ?? performance.now();
      request.log.debug(
        { method: request.method, route: request.routeOptions.url ?? '(none)', status: reply.statusCode, ms: Math.round((performance.now() - startedAt) * 10) / 10 },
        'request',
      );
    }
  });

  app.setNotFoundHandler(async () => {
    throw new ApiError(404, 'not-found', 'There is no such endpoint.');
  });

  app.setErrorHandler(async (error: FastifyError | ApiError, request, reply) => {
    const api = toApiError(error);
    if (api.statusCode >= 500 && api.code !== 'overloaded' && api.code !== 'storage-unavailable') {
      request.log.error({ err: error }, 'request failed');
    } else if (api.code === 'storage-unavailable') {
      request.log.warn({ err: error }, 'storage unavailable');
    }
    if (api.retryAfter !== undefined) reply.header('retry-after', String(api.retryAfter));
    reply.header('cache-control', 'no-store');
    return reply.code(api.statusCode).type('application/json; charset=utf-8').send(api.toBody());
  });

  app.options('*', async (request, reply) => {
    if (request.headers.origin === undefined) throw new ApiError(404, 'not-found', 'There is no such endpoint.');
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', `Content-Type, ${headerName(VOTER_HEADER)}, If-None-Match`);
    // Browsers cap this (Chromium at 2 hours); it spares the widget a preflight per poll request.
    reply.header('access-control-max-age', '7200');
    reply.header('cache-control', 'no-store');
    return reply.code(204).send();
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await store.ping();
    } catch {
      throw new ApiError(503, 'storage-unavailable', 'The database does not answer.', { retryAfter: 5 });
    }
    return reply.send({ status: 'ok', polls: polls.list().length });
  });

  app.get('/v1/polls', { schema: { response: { 200: pollListResponseSchema } } }, async (_request, reply) => {
    const t = now();
    reply.header('cache-control', 'no-cache');
    return reply.send({ polls: polls.list().map((p) => ({ id: p.id, state: stateOf(p, t), opens: p.opens, closes: p.closes })) });
  });

  app.get<{ Params: { poll: string } }>('/v1/polls/:poll', { schema: { response: { 200: pollResponseSchema } } }, async (request, reply) => {
    const poll = findPoll(request.params.poll);
    const state = stateOf(poll, now());
    let voted: boolean | null = null;
    const header = request.headers[VOTER_HEADER];
    if (header !== undefined) {
      if (typeof header !== 'string' || !voterPattern.test(header)) {
        throw new ApiError(400, 'invalid-header', `The ${headerName(VOTER_HEADER)} header must be the voter token sent with the vote.`);
      }
      voted = await fromStore(request, () => store.hasVoted(poll.id, voterHash(poll.id, header)));
    }
    const show = resultsVisible(poll, state, voted);
    const body = {
      id: poll.id,
      state,
      opens: poll.opens,
      closes: poll.closes,
      choice: poll.choice,
      minChoices: poll.minChoices,
      maxChoices: poll.maxChoices,
      resultsVisibility: poll.results,
      question: poll.question,
      ...(poll.description === undefined ? {} : { description: poll.description }),
      options: poll.options,
      challengeRequired: pow !== undefined,
      voted,
      results: show ? withZeros(poll, await fromStore(request, () => totalsOf(poll.id))) : null,
      refreshAfter: refreshAfter(state, show),
    };
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    // Answers differ by voter, so shared caches must not reuse one voter's results for another.
    reply.header('cache-control', header === undefined ? 'no-cache' : 'private, no-cache');
    reply.header('vary', `Origin, ${headerName(VOTER_HEADER)}`);
    reply.header('etag', etag);
    if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.send(body);
  });

  app.get('/v1/challenge', { schema: { response: { 200: challengeResponseSchema } } }, async (_request, reply) => {
    if (!pow) throw new ApiError(404, 'challenge-disabled', 'This server does not ask for a proof of work.');
    return reply.send(pow.create());
  });

  app.post<{ Params: { poll: string }; Body: VoteBody }>(
    '/v1/polls/:poll/votes',
    { schema: { body: voteBodySchema, response: { 200: voteResponseSchema, 201: voteResponseSchema } } },
    async (request, reply) => {
      const poll = findPoll(request.params.poll);
      const body = request.body;
      const state = stateOf(poll, now());

      if (state !== 'open') {
        // A retry of a vote that was counted before closing still learns it was counted.
        const ballot = optionProblem(poll, body.options) ? undefined : ballotFor(poll, body);
        if (ballot && (await fromStore(request, () => store.findPrior(ballot))) === 'replay') return sendVote(reply, poll, ballot, true);
        throw state === 'closed'
          ? new ApiError(403, 'poll-closed', 'This poll is closed.')
          : new ApiError(403, 'poll-not-open', 'This poll is not open yet.');
      }

      const problem = optionProblem(poll, body.options);
      if (problem) throw problem;
      const ballot = ballotFor(poll, body);

      if (pow) {
        const verdict = body.proof ? pow.verify(body.proof, ballot.keyHash) : 'missing';
        if (verdict !== 'ok') {
          if ((await fromStore(request, () => store.findPrior(ballot))) === 'replay') return sendVote(reply, poll, ballot, true);
          throw challengeError(verdict);
        }
      }

      let outcome: WriteOutcome;
      try {
        outcome = await writer.submit(ballot);
      } catch (error) {
        if (error instanceof QueueFullError) throw new ApiError(503, 'overloaded', 'The server is busy; send the same vote again shortly.', { retryAfter: 1 });
        request.log.warn({ err: error }, 'writing votes failed');
        throw new ApiError(503, 'storage-unavailable', 'The vote could not be stored; send the same vote again shortly.', { retryAfter: 2 });
      }
      switch (outcome) {
        case 'inserted':
          totalsCache.delete(poll.id);
          return sendVote(reply, poll, ballot, false);
        case 'replay':
          return sendVote(reply, poll, ballot, true);
        case 'already-voted':
          throw new ApiError(409, 'already-voted', 'This voter has already voted in this poll.');
        case 'key-reused':
          throw new ApiError(422, 'idempotency-key-reused', 'This idempotency key was used for a different vote; use a new key for a new vote.');
        case 'anonymized':
          throw new ApiError(403, 'poll-closed', 'This poll is closed.');
      }
    },
  );

  // Spent proof-of-work solutions are only needed until their challenge expires.
  const sweeper = pow ? setInterval(() => pow.sweep(), 60_000) : undefined;
  sweeper?.unref();

  app.addHook('onClose', async () => {
    if (sweeper) clearInterval(sweeper);
    // Votes already accepted into the queue are written before the store closes.
    await writer.drain();
  });

  return app;

  /**
   * The feed's state, except that a poll whose ballots were anonymised stays closed: without
   * the hashes, nothing could tell a repeat vote or a retry from a new vote.
   */
  function stateOf(poll: PollDefinition, at: number): ReturnType<typeof pollState> {
    return store.isAnonymized(poll.id) ? 'closed' : pollState(poll, at);
  }

  /** A read the answer depends on: a database that does not answer is a 503 to retry, not a bug. */
  async function fromStore<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      request.log.warn({ err: error }, 'reading votes failed');
      throw new ApiError(503, 'storage-unavailable', 'The database does not answer; try again shortly.', { retryAfter: 2 });
    }
  }

  function findPoll(rawId: string): PollDefinition {
    const poll = polls.get(rawId);
    if (!poll) throw new ApiError(404, 'unknown-poll', 'There is no poll with this id.');
    return poll;
  }

  function voterHash(pollId: string, voter: string): string {
    return keyedHash(keys.hashKey, 'voter', pollId, voter);
  }

  function ballotFor(poll: PollDefinition, body: VoteBody): BallotInput {
    const options = canonicalOptions(poll, body.options);
    const key = body.idempotencyKey.toLowerCase();
    return {
      pollId: poll.id,
      voterHash: voterHash(poll.id, body.voter),
      keyHash: keyedHash(keys.hashKey, 'idempotency-key', poll.id, key),
      digest: keyedHash(keys.hashKey, 'request', poll.id, body.voter, key, options.join(',')),
      options,
    };
  }
}

function sendVote(reply: FastifyReply, poll: PollDefinition, ballot: BallotInput, replay: boolean) {
  reply.header('cache-control', 'no-store');
  if (replay) reply.header('idempotent-replayed', 'true');
  return reply.code(replay ? 200 : 201).send({ poll: poll.id, options: ballot.options, voted: true });
}

/** Options in the poll's own order, so the same choice always hashes and answers the same. */
function canonicalOptions(poll: PollDefinition, chosen: readonly string[]): string[] {
  const set = new Set(chosen);
  return poll.options.map((o) => o.id).filter((id) => set.has(id));
}

function optionProblem(poll: PollDefinition, chosen: readonly string[]): ApiError | undefined {
  if (new Set(chosen).size !== chosen.length) return new ApiError(422, 'duplicate-option', 'An option was chosen twice.', { field: '/options' });
  const unknown = chosen.findIndex((id) => !poll.optionIds.has(id));
  if (unknown >= 0) return new ApiError(422, 'unknown-option', 'This poll has no such option.', { field: `/options/${unknown}` });
  if (chosen.length < poll.minChoices) return new ApiError(422, 'no-option', 'Choose at least one option.', { field: '/options' });
  if (chosen.length > poll.maxChoices) {
    return new ApiError(422, 'too-many-options', `Choose at most ${poll.maxChoices} option${poll.maxChoices === 1 ? '' : 's'}.`, { field: '/options' });
  }
  return undefined;
}

function challengeError(verdict: string): ApiError {
  switch (verdict) {
    case 'missing':
      return new ApiError(403, 'challenge-required', 'Solve a challenge from /v1/challenge and send the solution as "proof".');
    case 'expired':
      return new ApiError(403, 'challenge-expired', 'The challenge has expired; fetch a new one.');
    case 'used':
      return new ApiError(403, 'challenge-used', 'This challenge was already used for another vote.');
    default:
      return new ApiError(403, 'challenge-invalid', 'The challenge solution is not valid.');
  }
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's own errors (parsing, limits, validation) in the API's error shape. */
function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as FastifyError;
  if (e.validation && e.validation.length > 0) {
    const first = e.validation[0]!;
    const missing = (first.params as { missingProperty?: string }).missingProperty;
    const extra = (first.params as { additionalProperty?: string }).additionalProperty;
    const field = missing ? `${first.instancePath}/${missing}` : extra ? `${first.instancePath}/${extra}` : first.instancePath || '/';
    const what = missing
      ? `The field "${missing}" is required.`
      : extra
        ? `The field "${extra}" is not allowed.`
        : `The value at ${field} ${first.message ?? 'is invalid'}.`;
    return new ApiError(400, 'invalid-body', what, { field });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported-media-type', 'Send the vote as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body-too-large', 'The request body is too large.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'empty-body', 'The request body is empty.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'malformed-json', 'The request body does not match its Content-Length.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'malformed-json', 'The request body is not valid JSON.');
  }
  if (error instanceof SyntaxError || e.statusCode === 400) {
    // JSON.parse errors and secure-json-parse's refusal of "__proto__"/"constructor" keys.
    return new ApiError(400, 'malformed-json', 'The request body is not valid JSON.');
  }
  if (e.statusCode === 503) return new ApiError(503, 'overloaded', 'The server is shutting down; try again shortly.', { retryAfter: 2 });
  if (e.statusCode === 404) return new ApiError(404, 'not-found', 'There is no such endpoint.');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new ApiError(e.statusCode, 'invalid-body', e.message);
  return new ApiError(500, 'internal-error', 'Something went wrong on the server.');
}
