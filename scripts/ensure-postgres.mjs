#!/usr/bin/env node
// Makes a real PostgreSQL server available for tests and benchmarks, and hands out a fresh
// database on it. On Debian (the CI image) it installs the distribution's `postgresql` package
// when missing, creates/starts the cluster with pg_ctlcluster, and creates a login role that
// owns only the test databases. Throws with a plain explanation when it cannot; the caller
// decides that this is a failure, never a skip.
//
//   node scripts/ensure-postgres.mjs            → prints a DATABASE_URL for a new database
//   node scripts/ensure-postgres.mjs --drop NAME → drops a database made earlier
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROLE = 'wir_test';

function run(cmd, args, { timeout = 120_000, env } = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout, env: { ...process.env, ...env } });
  if (result.error) return { ok: false, out: String(result.error.message) };
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function installedVersions() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
}

function install(log) {
  if (!isRoot()) {
    throw new Error('PostgreSQL is not installed and this process is not root, so it cannot run `apt-get install -y postgresql`.');
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  log('installing PostgreSQL from the Debian packages (apt-get install -y postgresql)…');
  let result = run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { timeout: 600_000, env });
  if (!result.ok) {
    // A fresh image often has no package lists yet.
    log('apt-get install failed; running apt-get update and trying again…');
    const update = run('apt-get', ['update'], { timeout: 600_000, env });
    if (!update.ok) throw new Error(`apt-get update failed:\n${update.out}`);
    result = run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { timeout: 600_000, env });
  }
  if (!result.ok) throw new Error(`apt-get install -y postgresql failed:\n${result.out}`);
}

/** Lines of `pg_lsclusters --no-header`: version cluster port status owner datadir logfile. */
function clusters() {
  const result = run('pg_lsclusters', ['--no-header']);
  if (!result.ok) return [];
  return result.out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4 && /^\d+$/.test(f[0]))
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), status }));
}

function asPostgres(args, input) {
  const cmd = existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser') ? 'runuser' : 'su';
  const full = cmd === 'runuser' ? ['-u', 'postgres', '--', ...args] : ['postgres', '-s', '/bin/sh', '-c', args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')];
  const result = spawnSync(cmd, full, { encoding: 'utf8', input, timeout: 60_000, cwd: '/' });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function psql(port, sql) {
  const result = asPostgres(['psql', '-X', '-q', '-o', '/dev/null', '-p', String(port), '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-f', '-'], sql);
  if (!result.ok) throw new Error(`psql failed: ${result.out}`);
  return result.out;
}

/** A password for the test role that stays the same across runs (so parallel users agree). */
function rolePassword() {
  const dir = join(root, '.data');
  const file = join(dir, 'postgres-test-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString('base64url');
  try {
    writeFileSync(file, `${password}\n`, { flag: 'wx', mode: 0o600 });
    return password;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

function startedCluster(log) {
  if (installedVersions().length === 0 || !existsSync('/usr/bin/pg_lsclusters')) install(log);
  const versions = installedVersions();
  if (versions.length === 0) throw new Error('PostgreSQL was installed but no server binary was found under /usr/lib/postgresql.');
  let list = clusters();
  if (list.length === 0) {
    if (!isRoot()) throw new Error('No PostgreSQL cluster exists and this process is not root, so it cannot create one.');
    log(`creating cluster ${versions[0]}/main…`);
    const created = run('pg_createcluster', [versions[0], 'main']);
    if (!created.ok) throw new Error(`pg_createcluster ${versions[0]} main failed:\n${created.out}`);
    list = clusters();
  }
  list.sort((a, b) => Number(b.version) - Number(a.version));
  const cluster = list[0];
  if (cluster.status !== 'online') {
    if (!isRoot()) throw new Error(`PostgreSQL cluster ${cluster.version}/${cluster.name} is ${cluster.status} and this process is not root, so it cannot start it.`);
    log(`starting cluster ${cluster.version}/${cluster.name} (pg_ctlcluster ${cluster.version} ${cluster.name} start)…`);
    const started = run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
    // Another process may have started it at the same moment; the re-read below decides.
    const now = clusters().find((c) => c.version === cluster.version && c.name === cluster.name);
    if (now?.status !== 'online') throw new Error(`pg_ctlcluster ${cluster.version} ${cluster.name} start failed:\n${started.out}`);
  }
  return cluster;
}

/**
 * Ensures a running server and creates a fresh, empty database owned by the test role.
 * @returns {{ url: string, database: string, port: number, version: string, drop: () => void }}
 */
export function ensurePostgres({ prefix = 'wir_test', log = (line) => console.error(`[postgres] ${line}`) } = {}) {
  if (!isRoot()) {
    throw new Error('scripts/ensure-postgres.mjs must run as root to install and start PostgreSQL (or run it once as root first).');
  }
  const cluster = startedCluster(log);
  const password = rolePassword();
  const database = `${prefix}_${Date.now().toString(36)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  psql(
    cluster.port,
    // Parallel callers (test files, a benchmark) take turns: concurrent CREATE/ALTER ROLE fail.
    `SELECT pg_advisory_lock(872341);
     DO $$ BEGIN
       CREATE ROLE ${ROLE} LOGIN PASSWORD '${password}';
     EXCEPTION WHEN duplicate_object OR unique_violation THEN
       ALTER ROLE ${ROLE} LOGIN PASSWORD '${password}';
     END $$;
     SELECT pg_advisory_unlock(872341);
     CREATE DATABASE ${database} OWNER ${ROLE};\n`,
  );
  const url = `postgresql://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/${database}`;
  return {
    url,
    database,
    port: cluster.port,
    version: cluster.version,
    drop: () => dropDatabase(database, cluster.port),
  };
}

export function dropDatabase(database, port) {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`Refusing to drop a database named ${JSON.stringify(database)}.`);
  const p = port ?? clusters().find((c) => c.status === 'online')?.port ?? 5432;
  psql(p, `DROP DATABASE IF EXISTS ${database} WITH (FORCE);\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const dropAt = process.argv.indexOf('--drop');
    if (dropAt > 0) {
      dropDatabase(process.argv[dropAt + 1]);
    } else {
      console.log(ensurePostgres().url);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
