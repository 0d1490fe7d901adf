// Real vote servers for the browser tests of <wir-voting-box>.
//
// The widget's hardest promises — a vote kept while the server is down and delivered exactly
// once when it is back, a replayed idempotency key that is not counted twice, the server's own
// refusals — can only be tested against the real thing. This module runs real
// `packages/vote-server` processes (embedded PGlite in a temporary folder, a generated feed whose
// polls are open now, closed or not yet open) and exposes them to the browser as HTTP routes
// under /__test/vote-server/ (mounted by scripts/test-routes.mjs into web-test-runner):
//
//   start?name=n[&pow=on][&votesPerMinute=2]   start instance n (if not running) → {api, feed, port}
//   stop?name=n[&signal=SIGKILL|SIGTERM]       stop it (default SIGKILL: the worst case)
//   restart?name=n                             start it again: same port, data and feed
//   totals?name=n&poll=p                       the server's own GET /v1/polls/p (state, results)
//   variant?name=n&variant=v                   rewrite the poll "switch" in the server's feed and
//                                              reload it (SIGHUP): base | closed | not-open |
//                                              fewer | no-d | gone
//   feed.json?name=n                           the browser's feed: the base polls, `api` pointing
//                                              at instance n
//
// Every instance gets its own free port from the OS, so parallel test files never collide.
// The processes end with the test run: on a normal exit they are killed here, and if the test
// runner itself dies (crash, SIGKILL), each child notices its IPC channel closing and kills
// itself (a one-line --import hook), so no server outlives its tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = '/__test/vote-server/';
const TMP_PREFIX = 'wir-vote-test-';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Runs inside each server process: when the parent's IPC channel closes, the parent is gone.
const WATCHDOG = 'data:text/javascript,process.on("disconnect",()=>process.kill(process.pid,"SIGKILL"))';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Folders of runs that died without cleaning up (older than an hour) are removed on load.
for (const name of readdirSync(tmpdir())) {
  if (!name.startsWith(TMP_PREFIX)) continue;
  const path = join(tmpdir(), name);
  try {
    if (Date.now() - statSync(path).mtimeMs > 60 * MINUTE) rmSync(path, { recursive: true, force: true });
  } catch {
    // Another run's folder in use or already gone.
  }
}

const text = (de, en, ar) => ({ de, en, ar });

function option(id, de, en, ar) {
  return { id, label: text(de, en, ar) };
}

/** The polls of a test feed, relative to `t0` (the instance's creation), for one `variant` of "switch". */
export function testPolls(t0, variant = 'base') {
  const open = { opens: iso(t0 - DAY), closes: iso(t0 + 30 * DAY) };
  const abc = [option('a', 'Antwort A', 'Answer A', 'الإجابة أ'), option('b', 'Antwort B', 'Answer B', 'الإجابة ب'), option('c', 'Antwort C', 'Answer C', 'الإجابة ج')];
  const switchPoll = {
    id: 'switch',
    question: text('Welche Themen sind Ihnen wichtig?', 'Which topics matter to you?', 'ما المواضيع المهمة لكم؟'),
    choice: 'multiple',
    maxChoices: variant === 'fewer' ? 1 : 3,
    options: [...abc, option('d', 'Antwort D', 'Answer D', 'الإجابة د')].slice(0, variant === 'no-d' ? 3 : 4),
    ...open,
    ...(variant === 'closed' ? { opens: iso(t0 - DAY), closes: iso(Date.now() - MINUTE) } : {}),
    ...(variant === 'not-open' ? { opens: iso(Date.now() + DAY), closes: iso(Date.now() + 2 * DAY) } : {}),
    results: 'always',
  };
  const polls = [
    {
      id: 'single',
      question: text('Wie soll der neue Platz heißen?', 'What should the new square be called?', 'ما الاسم الذي ينبغي أن تحمله الساحة الجديدة؟'),
      description: text('Eine Antwort ist möglich.', 'One answer.', 'إجابة واحدة.'),
      choice: 'single',
      options: abc,
      ...open,
      results: 'always',
    },
    {
      id: 'multi',
      question: text('Welche Themen soll der Beirat besprechen?', 'Which topics should the council discuss?', 'ما المواضيع التي ينبغي أن يناقشها المجلس؟'),
      choice: 'multiple',
      maxChoices: 2,
      options: [
        option('w', 'Wohnen', 'Housing', 'السكن'),
        option('x', 'Schule', 'School', 'المدرسة'),
        option('y', 'Arbeit', 'Work', 'العمل'),
        option('z', 'Kultur', 'Culture', 'الثقافة'),
      ],
      ...open,
      results: 'after-vote',
    },
    { id: 'hidden', question: text('Geheime Zwischenstände?', 'Secret interim results?', 'نتائج مؤقتة سرية؟'), choice: 'single', options: abc, ...open, results: 'after-close' },
    {
      id: 'past',
      question: text('Wie hieß der alte Platz?', 'What was the old square called?', 'ماذا كان اسم الساحة القديمة؟'),
      choice: 'single',
      options: abc.slice(0, 2),
      opens: iso(t0 - 20 * DAY),
      closes: iso(t0 - 10 * DAY),
      results: 'after-close',
    },
    {
      id: 'future',
      question: text('Was kommt als Nächstes?', 'What comes next?', 'ما التالي؟'),
      choice: 'single',
      options: abc.slice(0, 2),
      opens: iso(t0 + 10 * DAY),
      closes: iso(t0 + 20 * DAY),
      results: 'always',
    },
    { id: 'queue', question: text('Warteschlange?', 'Queue?', 'طابور؟'), choice: 'single', options: abc, ...open, results: 'always' },
    { id: 'replay', question: text('Wiederholung?', 'Replay?', 'إعادة؟'), choice: 'single', options: abc, ...open, results: 'always' },
    {
      id: 'xss',
      question: '<img src=x onerror="globalThis.__wirVoteXss=1">Frage?',
      description: '<script>globalThis.__wirVoteXss=2</script><b>fett</b> ${globalThis.__wirVoteXss=3}',
      choice: 'single',
      options: [
        { id: 'a', label: '<svg onload="globalThis.__wirVoteXss=4">' },
        { id: 'b', label: '\u202eevil\u202c <a href="javascript:alert(1)">link</a>' },
      ],
      ...open,
      results: 'always',
    },
  ];
  if (variant !== 'gone') polls.push(switchPoll);
  return polls;
}

/** A strategy feed that @wir/feed accepts, holding the test polls with `api`. */
export function testFeed(t0, api, variant = 'base') {
  return {
    schemaVersion: '1.0',
    strategy: {
      id: 'wir-vote-test',
      title: text('Teststrategie', 'Test strategy', 'استراتيجية اختبار'),
      publisher: 'Teststadt',
      languages: ['de', 'en', 'ar'],
      defaultLanguage: 'de',
      updated: '2026-11-01',
    },
    guidelines: [],
    crossCuttingThemes: [],
    groups: [],
    actionFields: [],
    priorities: [],
    participation: { figures: [] },
    timeline: [],
    polls: testPolls(t0, variant).map((poll) => ({ ...poll, api })),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One vote-server process with its own port, data folder and feed file; restartable. */
export class TestVoteServer {
  constructor({ origins, pow = false, votesPerMinute = 0 }) {
    this.t0 = Date.now();
    this.dir = mkdtempSync(join(tmpdir(), TMP_PREFIX));
    this.feedFile = join(this.dir, 'feed.json');
    this.origins = origins;
    this.pow = pow;
    this.votesPerMinute = votesPerMinute;
    this.variant = 'base';
    this.child = undefined;
    this.log = '';
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get api() {
    return `${this.url}/v1`;
  }

  writeFeed() {
    writeFileSync(this.feedFile, JSON.stringify(testFeed(this.t0, this.api, this.variant), null, 1));
  }

  async start() {
    if (this.child) return this;
    this.port ??= await freePort();
    this.writeFeed();
    const env = {
      ...process.env,
      FEED: this.feedFile,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: join(this.dir, 'data'),
      DATABASE_URL: '',
      ALLOWED_ORIGINS: this.origins.join(','),
      FEED_REFRESH_SECONDS: '0',
      RATE_LIMIT_VOTES_PER_MINUTE: String(this.votesPerMinute),
      RATE_LIMIT_READS_PER_MINUTE: '0',
      POW: this.pow ? 'on' : 'off',
      POW_MAX_NUMBER: '1000',
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', WATCHDOG, 'packages/vote-server/src/main.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    this.log = '';
    const keep = (chunk) => (this.log = (this.log + chunk).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      if (this.child !== child) throw new Error(`vote server exited while starting:\n${this.log}`);
      const ok = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
      if (ok) return this;
      await sleep(100);
    }
    await this.stop('SIGKILL');
    throw new Error(`vote server did not answer within 45 s:\n${this.log}`);
  }

  /** Stops the process and waits until it is gone. SIGKILL is the default: the crash case. */
  async stop(signal = 'SIGKILL') {
    const child = this.child;
    if (!child) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  /** The server's own view of a poll (no Origin, no voter): state and, if public, results. */
  async poll(id) {
    const response = await fetch(`${this.api}/polls/${encodeURIComponent(id)}`);
    return { status: response.status, body: await response.json() };
  }

  /** Rewrites the poll "switch" and makes the running server reload its feed. */
  async setVariant(variant) {
    if (variant === this.variant) return;
    const before = JSON.stringify((await this.poll('switch')).body);
    this.variant = variant;
    this.writeFeed();
    if (!this.child) return;
    this.child.kill('SIGHUP');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const now = JSON.stringify((await this.poll('switch')).body);
      if (now !== before) return;
      await sleep(50);
    }
    throw new Error(`the vote server did not reload its feed for variant ${variant}`);
  }

  dispose() {
    this.child?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const instances = new Map();

process.once('exit', () => {
  for (const pending of instances.values()) pending.server.dispose();
});

function reply(ctx, status, body) {
  ctx.status = status;
  ctx.set('Content-Type', 'application/json');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}

function instance(ctx) {
  const name = String(ctx.query.name ?? 'default');
  const entry = instances.get(name);
  if (!entry) throw Object.assign(new Error(`no vote server "${name}": start it first`), { status: 404 });
  return entry.server;
}

const describe = (server, ctx) => ({
  api: server.api,
  port: server.port,
  running: !!server.child,
  feed: `${PREFIX}feed.json?name=${encodeURIComponent(String(ctx.query.name ?? 'default'))}`,
});

const actions = {
  async start(ctx) {
    const name = String(ctx.query.name ?? 'default');
    let entry = instances.get(name);
    if (!entry) {
      // The page's own origin (web-test-runner's, any port) in both spellings of loopback.
      const origin = ctx.origin;
      const origins = [...new Set([origin, origin.replace('//localhost', '//127.0.0.1'), origin.replace('//127.0.0.1', '//localhost')])];
      const server = new TestVoteServer({ origins, pow: ctx.query.pow === 'on', votesPerMinute: Number(ctx.query.votesPerMinute ?? 0) });
      entry = { server, starting: undefined };
      instances.set(name, entry);
    }
    entry.starting ??= entry.server.start().finally(() => (entry.starting = undefined));
    await entry.starting;
    reply(ctx, 200, describe(entry.server, ctx));
  },
  async stop(ctx) {
    const server = instance(ctx);
    await server.stop(ctx.query.signal === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL');
    reply(ctx, 200, describe(server, ctx));
  },
  async restart(ctx) {
    const server = instance(ctx);
    await server.stop(ctx.query.signal === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL');
    await server.start();
    reply(ctx, 200, describe(server, ctx));
  },
  async totals(ctx) {
    const { status, body } = await instance(ctx).poll(String(ctx.query.poll ?? ''));
    reply(ctx, status, body);
  },
  async variant(ctx) {
    const server = instance(ctx);
    await server.setVariant(String(ctx.query.variant ?? 'base'));
    reply(ctx, 200, { variant: server.variant });
  },
  'feed.json'(ctx) {
    const server = instance(ctx);
    reply(ctx, 200, testFeed(server.t0, server.api));
  },
};

/** Koa middleware for web-test-runner: the routes above. */
export async function voteServerTestRoutes(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const action = ctx.path.slice(PREFIX.length);
  if (!Object.hasOwn(actions, action)) return next();
  try {
    await actions[action](ctx);
  } catch (error) {
    reply(ctx, error.status ?? 500, { error: error.message });
  }
}
