import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { feedWith, standardPolls, writeFeedFile } from './support/feed.js';
import { runUntilExit, startServerProcess, type ServerProcess } from './support/process.js';

describe('the server process (src/main.ts)', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wir-vote-process-'));
  const feed = writeFeedFile(feedWith(standardPolls(Date.now())), dir);
  const env = {
    FEED: feed,
    DATA_DIR: join(dir, 'data'),
    ALLOWED_ORIGINS: 'https://city.example',
    TRUST_PROXY: 'on',
    LOG_LEVEL: 'debug',
  };
  let server: ServerProcess;
  const voter = randomBytes(16).toString('base64url');
  const clientAddress = '203.0.113.77';
  const ipv6Client = '2001:db8:77:1:abcd:ef01:2345:6789';

  before(async () => {
    server = await startServerProcess(env);
  });
  after(() => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves votes over HTTP', async () => {
    const res = await fetch(`${server.url}/v1/polls/single/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://city.example', 'x-forwarded-for': clientAddress, 'user-agent': 'TrackMe/1.0' },
      body: JSON.stringify({ options: ['a'], voter, idempotencyKey: randomUUID() }),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://city.example');
    const poll = await fetch(`${server.url}/v1/polls/single`, { headers: { 'wir-voter': voter, 'x-forwarded-for': clientAddress } });
    assert.equal(((await poll.json()) as { voted: boolean }).voted, true);
    const fromIpv6 = await fetch(`${server.url}/v1/polls/single`, { headers: { 'x-forwarded-for': ipv6Client } });
    assert.equal(fromIpv6.status, 200);
  });

  it('answers requests the HTTP parser refuses in the API error shape, with its headers, and logs nothing of them', async () => {
    const leaky = `x-forwarded-for: ${clientAddress}\r\nwir-voter: ${voter}\r\norigin: https://city.example\r\n`;
    const malformed = await rawRequest(server.url, `GET /v1/polls/single HTTP/1.1\r\nhost: x\r\n${leaky}Bad Header: y\r\n\r\n`);
    const big = await rawRequest(server.url, `GET /v1/polls/single HTTP/1.1\r\nhost: x\r\n${leaky}x-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    for (const [res, status, code] of [[malformed, 400, 'malformed-request'], [big, 431, 'headers-too-large']] as const) {
      assert.equal(res.status, status, res.raw);
      assert.deepEqual(Object.keys(JSON.parse(res.body)), ['error', 'message']);
      assert.equal(JSON.parse(res.body).error, code);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(res.headers['content-security-policy'] ?? '', /default-src 'none'/);
    }
    // The log line reaches the pipe a moment after the answer (the logger writes asynchronously).
    const logged = /"code":"HPE_INVALID_HEADER_TOKEN".*"client error"|"client error".*"code":"HPE_INVALID_HEADER_TOKEN"/;
    for (let waited = 0; !logged.test(server.output()) && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(server.output(), logged);
  });

  it('creates the hash secret with owner-only permissions', () => {
    assert.equal(statSync(join(dir, 'data', 'hash-secret')).mode & 0o777, 0o600);
  });

  it('stops gracefully on SIGTERM (exit 0)', async () => {
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
  });

  it('logged requests (at debug level) but no client address, token, or user agent', () => {
    const log = server.output();
    assert.match(log, /"route":"\/v1\/polls\/:poll\/votes"/);
    assert.ok(!log.includes(clientAddress), 'client address in the log');
    // Neither the IPv6 address nor the /64 the limiter groups it by, in any spelling.
    assert.ok(!/2001:0?db8/i.test(log), 'IPv6 client address or prefix in the log');
    assert.ok(!log.includes(voter), 'voter token in the log');
    assert.ok(!log.includes('TrackMe'), 'user agent in the log');
    assert.ok(!/remoteAddress|x-forwarded-for/i.test(log));
  });

  it('restarts on the same data and still knows who voted', async () => {
    server = await startServerProcess(env);
    const again = await fetch(`${server.url}/v1/polls/single/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ options: ['b'], voter, idempotencyKey: randomUUID() }),
    });
    assert.equal(again.status, 409);
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
  });

  it('refuses to start with another hash secret on the same database', async () => {
    const other = join(dir, 'other-secret');
    writeFileSync(other, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
    const { code, output } = await runUntilExit({ ...env, HASH_SECRET_FILE: other });
    assert.equal(code, 1);
    assert.match(output, /hash secret differs/);
  });

  it('refuses to start on a bad configuration or an invalid feed, naming the problem', async () => {
    const badPort = await runUntilExit({ ...env, PORT: 'eighty' });
    assert.equal(badPort.code, 1);
    assert.match(badPort.output, /PORT must be a whole number/);

    // Checked before anything is created: no hash secret, no database in a fresh directory.
    const fresh = join(dir, 'never-created');
    for (const level of ['verbose', 'trace']) {
      const badLevel = await runUntilExit({ ...env, LOG_LEVEL: level, DATA_DIR: fresh });
      assert.equal(badLevel.code, 1);
      assert.match(badLevel.output, new RegExp(`cannot start: LOG_LEVEL must be one of fatal, error, warn, info, debug, silent, not "${level}"\\.`));
      assert.ok(!badLevel.output.includes('    at '), 'a message, not a stack trace');
      assert.equal(existsSync(fresh), false, 'nothing was created');
    }

    const badPrefix = await runUntilExit({ ...env, RATE_LIMIT_IPV6_PREFIX: '/64' });
    assert.equal(badPrefix.code, 1);
    assert.match(badPrefix.output, /cannot start: RATE_LIMIT_IPV6_PREFIX must be an IPv6 prefix length from 32 to 128 without a slash \(e\.g\. 64 for a \/64\), not "\/64"\./);

    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ schemaVersion: '1.0', polls: 'nope' }));
    const badFeed = await runUntilExit({ ...env, FEED: invalid, DATA_DIR: join(dir, 'other-data') });
    assert.equal(badFeed.code, 1);
    assert.match(badFeed.output, /The feed is invalid/);

    const missing = await runUntilExit({ ...env, FEED: join(dir, 'missing.json') });
    assert.equal(missing.code, 1);
    assert.match(missing.output, /ENOENT|no such file/);
  });
});

describe('one PGlite directory, one server process', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wir-vote-lock-'));
  const env = { FEED: writeFeedFile(feedWith(standardPolls(Date.now())), dir), DATA_DIR: join(dir, 'data'), ALLOWED_ORIGINS: '', LOG_LEVEL: 'info' };
  const lockFile = join(dir, 'data', 'pglite.lock');
  const vote = (url: string, voter = randomBytes(16).toString('base64url')) =>
    fetch(`${url}/v1/polls/single/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ options: ['a'], voter, idempotencyKey: randomUUID() }),
    });
  let first: ServerProcess | undefined;
  after(() => {
    first?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same directory, naming it and the holder; the first keeps working', async () => {
    first = await startServerProcess(env);
    const second = await runUntilExit(env);
    assert.equal(second.code, 1, second.output);
    assert.match(second.output, /cannot start: The database directory \S+ is in use by process (\d+)/);
    assert.ok(second.output.includes(join(dir, 'data', 'pglite')));
    assert.ok(second.output.includes(`process ${first.child.pid}`));
    assert.equal((await vote(first.url)).status, 201);
  });

  it('releases the lock on a clean stop', async () => {
    first!.child.kill('SIGTERM');
    assert.equal(await first!.exit, 0);
    assert.equal(existsSync(lockFile), false);
  });

  it('takes over the lock of a server killed with SIGKILL and keeps its votes', async () => {
    const voter = randomBytes(16).toString('base64url');
    first = await startServerProcess(env);
    assert.equal((await vote(first.url, voter)).status, 201);
    first.child.kill('SIGKILL');
    await first.exit;
    assert.equal(existsSync(lockFile), true, 'a killed server leaves its lock behind');
    first = await startServerProcess(env);
    assert.equal((await vote(first.url, voter)).status, 409, 'the vote before the kill is still there');
    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);
  });
});

/** Sends bytes as they are (fetch would refuse a malformed header) and parses the answer. */
function rawRequest(url: string, request: string): Promise<{ status: number; headers: Record<string, string>; body: string; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (raw += chunk));
    socket.on('error', (error) => (raw ? undefined : reject(error)));
    socket.on('close', () => {
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, raw });
    });
  });
}
