// npm start: build the script-tag bundle, then serve the demo — and run the vote API next to it,
// so the demo's voting box votes for real.
//
// It always rebuilds (a second or so), so the demo never shows a stale bundle. An exceeded size
// budget is reported but does not stop the demo; npm run build is the gate for that.
//
// The vote API (packages/vote-server) runs with its defaults: embedded PGlite in .data/votes,
// the sample feed, http://localhost:8787 (VOTE_PORT overrides; the sample feed's polls point at
// 8787). It starts while the bundle builds. If it cannot start, the demo is served anyway — the
// voting box then shows its "server unreachable, your vote is kept" state, which is worth seeing
// too. Ctrl+C or SIGTERM stops both; the vote server first writes any queued votes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildEmbed } from './build.mjs';
import { startDemoServer } from './serve.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const demoPort = Number(process.env.PORT ?? 8080);
const votePort = Number(process.env.VOTE_PORT ?? 8787);
const voteUrl = `http://localhost:${votePort}`;
// Runs inside the vote server: when this script dies without cleaning up, its IPC channel
// closes and the server stops too, instead of holding the port.
const WATCHDOG = 'data:text/javascript,process.on("disconnect",()=>process.kill(process.pid,"SIGTERM"))';

function startVoteServer() {
  const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`, 'http://localhost:6006', 'http://127.0.0.1:6006'];
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', WATCHDOG, 'packages/vote-server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(votePort),
      // The demo's own origin (PORT may move it) and Storybook's, unless configured otherwise.
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? demoOrigins.join(','),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = (stream, sink) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) sink.write(`[votes] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

async function waitForHealth(child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`${voteUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const voteServer = startVoteServer();
let stopping = false;
voteServer.once('exit', (code, signal) => {
  if (!stopping) console.warn(`start: the vote server stopped (${signal ?? `exit code ${code}`}); the demo keeps running without it`);
});

try {
  const failed = await buildEmbed();
  if (failed > 0) console.warn('start: the bundle is over a size budget (see above); serving it anyway');
} catch (error) {
  console.error(`start: the build failed, nothing to serve: ${error?.message ?? error}`);
  voteServer.kill('SIGTERM');
  process.exit(1);
}

let demo;
try {
  demo = await startDemoServer({ port: demoPort, connectSrc: [voteUrl, `http://127.0.0.1:${votePort}`] });
} catch (error) {
  console.error(`start: ${error.message}`);
  voteServer.kill('SIGTERM');
  process.exit(1);
}

const votesUp = await waitForHealth(voteServer);
const { url } = demo;
console.log('');
console.log(`  Demo partner page   ${url}`);
console.log(`  Script-tag bundle   ${url}dist/embed/wir-widgets.js`);
console.log(`  Sample feed         ${url}feeds/hannover.json`);
console.log(
  votesUp
    ? `  Vote API            ${voteUrl}/v1  (embedded database in .data/votes)`
    : `  Vote API            not running (see the [votes] lines above); the voting box keeps votes until it is`,
);
console.log('');
console.log('  Ctrl+C stops both servers.');

function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstart: ${signal}, stopping the demo and the vote server …`);
  demo.server.close();
  demo.server.closeAllConnections?.();
  if (voteServer.exitCode !== null || voteServer.signalCode !== null) process.exit(0);
  // Graceful: the vote server writes what is queued, then exits; a stuck one is killed.
  const force = setTimeout(() => voteServer.kill('SIGKILL'), 10_000);
  voteServer.once('exit', () => {
    clearTimeout(force);
    process.exit(0);
  });
  voteServer.kill('SIGTERM');
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
