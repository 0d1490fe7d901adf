import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Thrown when another live process holds the data directory; the message names both. */
export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  /** Kernel start time of the process (Linux), so a recycled pid is not mistaken for the holder. */
  started: string | null;
}

/** Locks taken by this process: opening one directory twice in one process is refused too. */
const heldHere = new Set<string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes an exclusive lock on a database directory, as PostgreSQL's postmaster.pid does: PGlite
 * has none, and two processes writing one directory lose acknowledged votes and break the
 * UNIQUE constraints. The lock file records pid, host and process start time.
 *
 * - A lock whose process is gone (killed with SIGKILL, crashed) is taken over.
 * - A live holder gets `waitMs` to let go (a restart while the old process is still writing its
 *   queue and closing); then this throws DataDirLockedError naming the directory and the pid.
 * - A lock from another host cannot be checked and is never taken over.
 */
export async function lockDataDir(dir: string, options: { waitMs?: number; pollMs?: number } = {}): Promise<DirLock> {
  const path = `${dir}.lock`;
  if (heldHere.has(path)) throw new DataDirLockedError(`The database directory ${dir} is already open in this process.`);
  const waitMs = options.waitMs ?? 10_000;
  const pollMs = options.pollMs ?? 100;
  const deadline = Date.now() + waitMs;
  const me: Holder = { pid: process.pid, host: hostname(), started: startTime(process.pid) };

  for (;;) {
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (holder === 'gone') continue; // released between our attempt and the read
    if (holder !== 'unreadable' && holder.host !== me.host) {
      throw new DataDirLockedError(
        `The database directory ${dir} is locked by process ${holder.pid} on host ${holder.host} (${path}). ` +
          'Only one server may use a PGlite directory. If no server on that host uses it any more, delete the lock file.',
      );
    }
    if (holder === 'unreadable' || !isAlive(holder)) {
      // Half-written (the writer died between create and write) or its process is gone.
      if (holder === 'unreadable' && fileAgeMs(path) < 2_000) {
        await sleep(pollMs);
        continue;
      }
      takeOver(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new DataDirLockedError(
        `The database directory ${dir} is in use by process ${holder.pid} (lock file ${path}); ` +
          `waited ${Math.round(waitMs / 1000)} s for it to stop. Only one server may use a PGlite directory: ` +
          'stop the other process, or use PostgreSQL (DATABASE_URL) to run several.',
      );
    }
    await sleep(pollMs);
  }

  heldHere.add(path);
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      const holder = readHolder(path);
      if (holder !== 'gone' && holder !== 'unreadable' && holder.pid === me.pid && holder.host === me.host && holder.started === me.started) {
        rmSync(path, { force: true });
      }
    },
  };
}

function tryCreate(path: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): Holder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (!Number.isInteger(parsed.pid) || typeof parsed.host !== 'string') return 'unreadable';
    return { pid: parsed.pid!, host: parsed.host, started: typeof parsed.started === 'string' ? parsed.started : null };
  } catch {
    return 'unreadable';
  }
}

/**
 * Moves a stale lock aside and removes it, but only if it is still the stale one we judged: two
 * starters taking over at once must not remove each other's fresh lock. A fresh lock moved by
 * mistake is linked back (link never overwrites, so a third lock is not clobbered either).
 */
function takeOver(path: string, judged: Holder | 'unreadable'): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over
    throw error;
  }
  const moved = readHolder(aside);
  const same =
    judged === 'unreadable'
      ? moved === 'unreadable'
      : moved !== 'gone' && moved !== 'unreadable' && moved.pid === judged.pid && moved.host === judged.host && moved.started === judged.started;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  rmSync(aside, { force: true });
}

function isAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) {
    // Our own pid in a file we do not hold: a previous run with the same pid (e.g. pid 1 in a
    // container) that died without releasing.
    return false;
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: alive, owned by another user.
  }
  if (holder.started !== null) {
    const now = startTime(holder.pid);
    if (now !== null && now !== holder.started) return false; // the pid was recycled
  }
  return true;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null where there is no /proc. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function fileAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}
