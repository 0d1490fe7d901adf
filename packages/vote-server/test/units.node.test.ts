import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Fastify from 'fastify';
import { ConfigError, DEV_ORIGINS, loadConfig } from '../src/config.js';
import { GroupCommit, QueueFullError } from '../src/internal/group-commit.js';
import { canonicalOrigin, canonicalOriginHeader, parseOriginList } from '../src/internal/origins.js';
import { ProofOfWork, sha256Hex, solve } from '../src/internal/pow.js';
import { clientNetwork, parseAddress } from '../src/internal/client-network.js';
import { ClientHasher, RateLimiter } from '../src/internal/rate-limit.js';
import { deriveKeys, keyedHash, loadOrCreateSecret } from '../src/internal/secrets.js';
import { loggerOptions } from '../src/server.js';
import { DataDirLockedError, lockDataDir } from '../src/store/dir-lock.js';

describe('proof of work', () => {
  const key = Buffer.alloc(32, 7);
  let now = 1_800_000_000_000;
  const pow = new ProofOfWork(key, { maxNumber: 5000, ttlSeconds: 60, now: () => now });

  it('creates a challenge whose secret number is found by trying, and verifies it', () => {
    const challenge = pow.create();
    assert.equal(challenge.algorithm, 'SHA-256');
    assert.equal(challenge.challenge.length, 64);
    const solution = solve(challenge)!;
    assert.equal(sha256Hex(`${challenge.salt}${solution.number}`), challenge.challenge);
    assert.equal(pow.verify(solution, 'vote-1'), 'ok');
  });

  it('is single-use per vote: the same vote may retry, another vote may not', () => {
    const solution = solve(pow.create())!;
    assert.equal(pow.verify(solution, 'vote-a'), 'ok');
    assert.equal(pow.verify(solution, 'vote-a'), 'ok');
    assert.equal(pow.verify(solution, 'vote-b'), 'used');
  });

  it('rejects forged, altered and foreign challenges', () => {
    const solution = solve(pow.create())!;
    assert.equal(pow.verify({ ...solution, signature: '0'.repeat(64) }, 'x'), 'invalid');
    assert.equal(pow.verify({ ...solution, algorithm: 'SHA-1' }, 'x'), 'invalid');
    assert.equal(pow.verify({ ...solution, number: solution.number + 1 }, 'x'), 'invalid');
    assert.equal(pow.verify({ ...solution, number: -1 }, 'x'), 'invalid');
    // A longer expiry changes the salt, so the hash no longer matches the signed challenge.
    assert.equal(pow.verify({ ...solution, salt: solution.salt.replace(/\d+$/, '99999999999') }, 'x'), 'invalid');
    const other = new ProofOfWork(Buffer.alloc(32, 8), { maxNumber: 5000, now: () => now });
    assert.equal(other.verify(solution, 'x'), 'invalid');
  });

  it('refuses an expiry lengthened by moving digits of the number into the salt (same hash, same signature)', () => {
    // salt + number is hashed as one string, so "…expires=1800000060" + "1234" can be re-split as
    // "…expires=18000000601" + "234": still the signed challenge, but an expiry centuries away.
    let spliced: { salt: string; number: number } | undefined;
    for (let i = 0; i < 50 && !spliced; i++) {
      const solution = solve(pow.create())!;
      const digits = String(solution.number);
      if (digits.length >= 2 && digits[1] !== '0') {
        spliced = { salt: solution.salt + digits[0], number: Number(digits.slice(1)) };
        assert.equal(sha256Hex(`${spliced.salt}${spliced.number}`), solution.challenge);
        assert.equal(pow.verify({ ...solution, ...spliced }, 'x'), 'invalid');
        // The honest solution is still good.
        assert.equal(pow.verify(solution, 'y'), 'ok');
      }
    }
    assert.ok(spliced, 'found a solution to splice');
  });

  it('expires, and forgets expired solutions on sweep', () => {
    const solution = solve(pow.create())!;
    now += 61_000;
    assert.equal(pow.verify(solution, 'x'), 'expired');
    pow.sweep();
  });
});

describe('abuse limits', () => {
  it('allows a burst of perMinute, then refills at perMinute per minute', () => {
    let now = 0;
    const limiter = new RateLimiter(6, { now: () => now });
    for (let i = 0; i < 6; i++) assert.equal(limiter.take('c').ok, true);
    const refused = limiter.take('c');
    assert.equal(refused.ok, false);
    assert.equal(refused.retryAfter, 10);
    now += 10_000;
    assert.equal(limiter.take('c').ok, true);
    assert.equal(limiter.take('other').ok, true);
  });

  it('0 per minute switches the limit off', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) assert.equal(limiter.take('c').ok, true);
  });

  it('keeps memory bounded by forgetting the least recently seen clients', () => {
    const limiter = new RateLimiter(10, { maxClients: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`);
    assert.ok(limiter.size <= 100);
  });

  it('hashes addresses with a key that changes every UTC day', () => {
    let now = Date.parse('2026-11-25T23:59:00Z');
    let rotations = 0;
    const hasher = new ClientHasher({ now: () => now, onRotate: () => rotations++ });
    const first = hasher.hash('203.0.113.5');
    assert.equal(hasher.hash('203.0.113.5'), first);
    assert.notEqual(hasher.hash('203.0.113.6'), first);
    assert.ok(!first.includes('203'));
    now = Date.parse('2026-11-26T00:00:01Z');
    assert.notEqual(hasher.hash('203.0.113.5'), first);
    assert.equal(rotations, 2);
  });
});

describe('client networks (what one abuse budget belongs to)', () => {
  const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);
  const full = '20010db8000000000000000000000001';

  it('reads every textual form of one IPv6 address as the same 16 bytes', () => {
    for (const form of [
      '2001:db8::1',
      '2001:DB8::1',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:db8:0:0:0:0:0:1',
      '2001:db8::0:1',
      '2001:db8::0.0.0.1',
      '2001:db8::1%eth0',
      '2001:db8::1%25en0',
      '[2001:db8::1]',
      '[2001:db8::1]:443',
      ' 2001:db8::1 ',
    ]) {
      assert.equal(hex(parseAddress(form)), full, form);
    }
  });

  it('expands :: at the start, in the middle and at the end, and an embedded IPv4 tail', () => {
    assert.equal(hex(parseAddress('::')), '0'.repeat(32));
    assert.equal(hex(parseAddress('::1')), `${'0'.repeat(31)}1`);
    assert.equal(hex(parseAddress('1::')), `0001${'0'.repeat(28)}`);
    assert.equal(hex(parseAddress('1:2:3:4:5:6:7::')), '00010002000300040005000600070000');
    assert.equal(hex(parseAddress('::2:3:4:5:6:7:8')), '00000002000300040005000600070008');
    assert.equal(hex(parseAddress('1:2:3:4:5:6:192.0.2.33')), '000100020003000400050006c0000221');
    assert.equal(hex(parseAddress('::ffff:192.0.2.33')), '00000000000000000000ffffc0000221');
  });

  it('reads IPv4, with or without a port', () => {
    assert.equal(hex(parseAddress('192.0.2.33')), 'c0000221');
    assert.equal(hex(parseAddress('192.0.2.33:8080')), 'c0000221');
  });

  it('refuses what is not an address', () => {
    for (const junk of ['', 'unknown', '1::2::3', ':::', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '010.0.0.1', '256.0.0.1', '1.2.3', '::ffff:1.2.3.256', '[2001:db8::1', '2001:db8::1]', 'fe80::1%', '%eth0', '1.2.3.4%eth0']) {
      assert.equal(parseAddress(junk), undefined, JSON.stringify(junk));
    }
  });

  it('counts two addresses of one /64 as one client and different /64s as two', () => {
    const net = (a: string, prefix?: number) => clientNetwork(a, prefix).toString('hex');
    assert.equal(net('2001:db8:1:2::1'), net('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    assert.equal(net('2001:db8:1:2::1'), net('2001:0DB8:0001:0002:a:b:c:d%wlan0'));
    assert.notEqual(net('2001:db8:1:2::1'), net('2001:db8:1:3::1'));
    // Other prefix lengths, including ones that cut through a byte.
    assert.equal(net('2001:db8:1:2::1', 48), net('2001:db8:1:ff::1', 48));
    assert.notEqual(net('2001:db8:1::1', 48), net('2001:db8:2::1', 48));
    assert.equal(net('2001:db8:1:20::1', 60), net('2001:db8:1:2f::1', 60));
    assert.notEqual(net('2001:db8:1:20::1', 60), net('2001:db8:1:30::1', 60));
    assert.notEqual(net('2001:db8:1:2::1', 128), net('2001:db8:1:2::2', 128));
    assert.equal(net('2001:db8:1:2::1', 128), net('2001:db8:1:2:0:0:0:1', 128));
  });

  it('counts IPv4 per address, also when it arrives as ::ffff:a.b.c.d or through NAT64 (64:ff9b::/96)', () => {
    const net = (a: string) => clientNetwork(a).toString('hex');
    assert.equal(net('::ffff:192.0.2.33'), net('192.0.2.33'));
    assert.equal(net('::ffff:c000:221'), net('192.0.2.33'));
    assert.equal(net('[::ffff:192.0.2.33]:443'), net('192.0.2.33'));
    assert.equal(net('64:ff9b::192.0.2.33'), net('192.0.2.33'));
    assert.notEqual(net('::ffff:192.0.2.34'), net('192.0.2.33'));
    assert.notEqual(net('64:ff9b::192.0.2.34'), net('192.0.2.33'));
    assert.notEqual(net('192.0.2.33'), net('192.0.2.34'));
  });

  it('puts every unreadable address into one shared network, so junk buys no fresh budget', () => {
    const unknown = clientNetwork(undefined).toString('hex');
    for (const junk of ['unknown', '', 'x', '1::2::3']) assert.equal(clientNetwork(junk).toString('hex'), unknown);
    assert.notEqual(clientNetwork('0.0.0.0').toString('hex'), unknown);
    assert.notEqual(clientNetwork('::').toString('hex'), unknown);
  });

  it('the hasher keys the network, not the address, and refuses a prefix outside 32-128', () => {
    const hasher = new ClientHasher({ now: () => 0 });
    assert.equal(hasher.ipv6Prefix, 64);
    assert.equal(hasher.hash('2001:db8:1:2::1'), hasher.hash('2001:db8:1:2:dead:beef::7'));
    assert.notEqual(hasher.hash('2001:db8:1:2::1'), hasher.hash('2001:db8:1:3::1'));
    assert.equal(hasher.hash('::ffff:198.51.100.7'), hasher.hash('198.51.100.7'));
    const key = hasher.hash('2001:db8:1:2::1');
    assert.match(key, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!/2001|db8/i.test(key));
    const wide = new ClientHasher({ now: () => 0, ipv6Prefix: 48 });
    assert.equal(wide.hash('2001:db8:1:2::1'), wide.hash('2001:db8:1:3::1'));
    for (const bad of [31, 129, 0, -64, 64.5, Number.NaN]) {
      assert.throws(() => new ClientHasher({ ipv6Prefix: bad }), /IPv6 prefix length .* from 32 to 128/, String(bad));
    }
  });
});

describe('origins', () => {
  it('canonicalises configured origins', () => {
    assert.equal(canonicalOrigin('https://Partner.Example:443/'), 'https://partner.example');
    assert.equal(canonicalOrigin('https://bücher.example'), 'https://xn--bcher-kva.example');
    assert.equal(canonicalOrigin('http://localhost:8080'), 'http://localhost:8080');
    assert.equal(canonicalOrigin('null'), undefined);
    assert.equal(canonicalOrigin('javascript:alert(1)'), undefined);
    assert.equal(canonicalOrigin('https://user:pw@host.example'), undefined);
  });

  it('accepts only a bare origin as an Origin header', () => {
    assert.equal(canonicalOriginHeader('https://xn--bcher-kva.example'), 'https://xn--bcher-kva.example');
    assert.equal(canonicalOriginHeader('https://city.example/path'), undefined);
    assert.equal(canonicalOriginHeader('https://city.example?x'), undefined);
    assert.equal(canonicalOriginHeader('null'), undefined);
  });

  it('parses ALLOWED_ORIGINS and reports what is not an origin', () => {
    assert.deepEqual(parseOriginList(' https://a.example, https://a.example/ ,http://b.example:81'), {
      origins: ['https://a.example', 'http://b.example:81'],
      invalid: [],
    });
    assert.deepEqual(parseOriginList('https://a.example/x,*').invalid, ['https://a.example/x', '*']);
  });
});

describe('configuration', () => {
  const root = '/repo';

  it('has safe local defaults', () => {
    const config = loadConfig({}, root);
    assert.equal(config.feed, '/repo/demo/feeds/hannover.json');
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, '/repo/.data/votes');
    assert.equal(config.hashSecretFile, '/repo/.data/votes/hash-secret');
    assert.deepEqual(config.allowedOrigins, DEV_ORIGINS);
    assert.equal(config.pow.enabled, false);
    assert.equal(config.trustProxy, false);
    assert.equal(config.rateLimit.ipv6Prefix, 64);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        FEED: 'https://city.example/feed.json',
        PORT: '9000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u:p@db/votes',
        DATA_DIR: '/var/lib/wir',
        HASH_SECRET_FILE: '/run/secrets/wir',
        ALLOWED_ORIGINS: 'https://city.example,https://partner.example',
        POW: 'on',
        POW_MAX_NUMBER: '100000',
        TRUST_PROXY: '127.0.0.1',
        RATE_LIMIT_VOTES_PER_MINUTE: '0',
        RATE_LIMIT_IPV6_PREFIX: '56',
      },
      root,
    );
    assert.equal(config.feed, 'https://city.example/feed.json');
    assert.equal(config.port, 9000);
    assert.equal(config.databaseUrl, 'postgres://u:p@db/votes');
    assert.equal(config.hashSecretFile, '/run/secrets/wir');
    assert.deepEqual(config.allowedOrigins, ['https://city.example', 'https://partner.example']);
    assert.equal(config.defaultOrigins, false);
    assert.deepEqual(config.pow, { enabled: true, maxNumber: 100000, ttlSeconds: 600 });
    assert.equal(config.trustProxy, '127.0.0.1');
    assert.equal(config.rateLimit.votesPerMinute, 0);
    assert.equal(config.rateLimit.ipv6Prefix, 56);
  });

  it('accepts IPv6 prefix lengths from 32 to 128', () => {
    for (const length of [32, 48, 64, 128]) assert.equal(loadConfig({ RATE_LIMIT_IPV6_PREFIX: ` ${length} ` }, root).rateLimit.ipv6Prefix, length);
    assert.equal(loadConfig({ RATE_LIMIT_IPV6_PREFIX: '' }, root).rateLimit.ipv6Prefix, 64);
  });

  for (const raw of ['31', '129', '0', '/64', '64.5', '6e1', '0x40', 'sixty-four', '-64']) {
    it(`refuses RATE_LIMIT_IPV6_PREFIX=${JSON.stringify(raw)}, saying what is allowed`, () => {
      assert.throws(
        () => loadConfig({ RATE_LIMIT_IPV6_PREFIX: raw }, root),
        (e: unknown) =>
          e instanceof ConfigError &&
          (e as Error).message === `RATE_LIMIT_IPV6_PREFIX must be an IPv6 prefix length from 32 to 128 without a slash (e.g. 64 for a /64), not ${JSON.stringify(raw)}.`,
      );
    });
  }

  it('an empty ALLOWED_ORIGINS allows no browser origin at all', () => {
    assert.deepEqual(loadConfig({ ALLOWED_ORIGINS: '' }, root).allowedOrigins, []);
  });

  for (const [env, message] of [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ POW: 'maybe' }, /POW/],
    [{ FEED: 'http://city.example/feed.json' }, /https/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
  ] as const) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env as NodeJS.ProcessEnv, root), (e: unknown) => e instanceof ConfigError && message.test((e as Error).message));
    });
  }
});

describe('hash secret', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wir-secret-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is created once with owner-only permissions and read back unchanged', () => {
    const file = join(tempDir(), 'sub', 'secret');
    const first = loadOrCreateSecret(file);
    assert.equal(first.created, true);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const second = loadOrCreateSecret(file);
    assert.equal(second.created, false);
    assert.deepEqual(second.secret, first.secret);
    assert.equal(deriveKeys(first.secret).fingerprint, deriveKeys(second.secret).fingerprint);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    const file = join(tempDir(), 'secret');
    writeFileSync(file, 'short\n');
    assert.throws(() => loadOrCreateSecret(file), /shorter than 32 bytes/);
  });

  it('derives independent keys and separates hash inputs', () => {
    const keys = deriveKeys(Buffer.alloc(48, 1));
    assert.notDeepEqual(keys.hashKey, keys.challengeKey);
    assert.notEqual(keyedHash(keys.hashKey, 'voter', 'ab', 'c'), keyedHash(keys.hashKey, 'voter', 'a', 'bc'));
  });
});

describe('group commit', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('writes everything that arrives while a commit runs in one next batch', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await tick();
      return items.map((i) => i * 2);
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => queue.submit(i)));
    assert.deepEqual(results, Array.from({ length: 100 }, (_, i) => i * 2));
    assert.ok(batches.length <= 3, `batches: ${batches.map((b) => b.length)}`);
    assert.equal(queue.stats.items, 100);
  });

  it('never puts two conflicting items in one batch', async () => {
    const batches: string[][] = [];
    const queue = new GroupCommit<string, string>(
      async (items) => {
        batches.push(items);
        return items;
      },
      { conflictKeys: (item) => [item.split(':')[0]!] },
    );
    await Promise.all(['a:1', 'a:2', 'b:1', 'a:3', 'c:1'].map((i) => queue.submit(i)));
    for (const batch of batches) {
      const keys = batch.map((i) => i.split(':')[0]);
      assert.equal(new Set(keys).size, keys.length);
    }
    assert.deepEqual(batches[0], ['a:1', 'b:1', 'c:1']);
  });

  it('rejects every caller of a failed batch and carries on with the next', async () => {
    let fail = true;
    const queue = new GroupCommit<number, number>(async (items) => {
      await tick();
      if (fail) {
        fail = false;
        throw new Error('connection lost');
      }
      return items;
    });
    const first = Promise.allSettled([queue.submit(1), queue.submit(2)]);
    const outcomes = await first;
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    assert.equal(await queue.submit(3), 3);
    assert.equal(queue.stats.failedBatches, 1);
  });

  it('refuses new items when the queue is full, and drains what it accepted', async () => {
    const queue = new GroupCommit<number, number>(async (items) => {
      await tick();
      return items;
    }, { maxQueue: 10, maxBatch: 5 });
    const accepted = Array.from({ length: 10 }, (_, i) => queue.submit(i));
    await assert.rejects(queue.submit(99), QueueFullError);
    await queue.drain();
    assert.equal((await Promise.all(accepted)).length, 10);
  });
});

describe('documentation', () => {
  it('openapi.yaml and docs/vote-api.md list every error code the server can send', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
    const codes = [...source.matchAll(/^\s+\| '([a-z-]+)'$/gm)].map((m) => m[1]!);
    assert.ok(codes.length >= 25);
    const openapi = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
    const guide = readFileSync(new URL('../../../docs/vote-api.md', import.meta.url), 'utf8');
    for (const code of codes) {
      assert.ok(openapi.includes(`- ${code}\n`), `${code} missing from openapi.yaml`);
      assert.ok(guide.includes(`\`${code}\``), `${code} missing from docs/vote-api.md`);
    }
  });
});

describe('data directory lock (one process per PGlite directory)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wir-dir-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const lockFile = (name: string) => `${join(dir, name)}.lock`;
  /** A process of ours that lives for `ms`, standing in for another server. */
  const holder = (ms: number) => spawn(process.execPath, ['-e', `setTimeout(() => {}, ${ms})`], { stdio: 'ignore' });
  const recordOf = (pid: number) => JSON.stringify({ pid, host: hostname(), started: null });

  it('is exclusive while held, refused within the same process too, and free again after release', async () => {
    const lock = await lockDataDir(join(dir, 'a'));
    assert.equal(JSON.parse(readFileSync(lockFile('a'), 'utf8')).pid, process.pid);
    await assert.rejects(lockDataDir(join(dir, 'a'), { waitMs: 0 }), DataDirLockedError);
    lock.release();
    assert.equal(existsSync(lockFile('a')), false);
    (await lockDataDir(join(dir, 'a'), { waitMs: 0 })).release();
  });

  it('takes over a lock whose process is gone (SIGKILL, crash)', async () => {
    const dead = holder(0);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(lockFile('b'), recordOf(dead.pid!));
    const lock = await lockDataDir(join(dir, 'b'), { waitMs: 0 });
    assert.equal(JSON.parse(readFileSync(lockFile('b'), 'utf8')).pid, process.pid);
    lock.release();
  });

  it('refuses a live holder after the wait, naming the directory and its pid', async () => {
    const live = holder(30_000);
    try {
      writeFileSync(lockFile('c'), recordOf(live.pid!));
      const started = Date.now();
      await assert.rejects(lockDataDir(join(dir, 'c'), { waitMs: 300 }), (error: Error) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.ok(error.message.includes(join(dir, 'c')), error.message);
        assert.ok(error.message.includes(`process ${live.pid}`), error.message);
        return true;
      });
      assert.ok(Date.now() - started >= 300, 'waited before refusing');
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('waits for a live holder that is shutting down and then takes the directory', async () => {
    const stopping = holder(700);
    writeFileSync(lockFile('d'), recordOf(stopping.pid!));
    const lock = await lockDataDir(join(dir, 'd'), { waitMs: 10_000 });
    assert.equal(stopping.exitCode, 0, 'the lock was taken only after the holder ended');
    lock.release();
  });

  it('never takes over a lock from another host', async () => {
    writeFileSync(lockFile('e'), JSON.stringify({ pid: 1, host: 'elsewhere.invalid', started: null }));
    await assert.rejects(lockDataDir(join(dir, 'e'), { waitMs: 0 }), /host elsewhere\.invalid/);
  });
});

describe('logging', () => {
  it('never writes the raw bytes of a refused request (err.rawPacket), at any allowed level', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const app = Fastify({ logger: { ...loggerOptions('debug'), stream } });
    const err = Object.assign(new Error('Parse Error: Invalid header value char'), {
      code: 'HPE_INVALID_HEADER_TOKEN',
      rawPacket: Buffer.from('GET / HTTP/1.1\r\nx-forwarded-for: 203.0.113.9\r\nwir-voter: tokentokentokentoken22\r\n'),
    });
    app.log.error({ err }, 'client error');
    await app.close();
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]!.includes('rawPacket'), lines[0]);
    assert.match(lines[0]!, /HPE_INVALID_HEADER_TOKEN/, 'the code is still there');
  });

  it('accepts only levels that cannot log raw requests, before anything is created', () => {
    assert.equal(loadConfig({}, '/repo').logLevel, 'info');
    assert.equal(loadConfig({ LOG_LEVEL: ' DEBUG ' }, '/repo').logLevel, 'debug');
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'silent']) assert.equal(loadConfig({ LOG_LEVEL: level }, '/repo').logLevel, level);
    for (const level of ['trace', 'verbose', '10']) {
      assert.throws(() => loadConfig({ LOG_LEVEL: level }, '/repo'), (e: Error) => e instanceof ConfigError && /^LOG_LEVEL must be one of/.test(e.message));
    }
  });
});
