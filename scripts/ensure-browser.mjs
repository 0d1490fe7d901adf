// Makes sure a Chromium is there for the browser tests. Test tools' own browser downloads do
// not work on our machines (and are not how people install browsers), so we use the
// distribution's package: on Debian, as root, `apt-get install -y chromium`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROME = '/usr/bin/chromium';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/** Returns the browser's path, installing Debian's chromium when it is missing and we may. */
export function ensureBrowser() {
  const wanted = process.env.CHROME_PATH ?? DEFAULT_CHROME;
  if (existsSync(wanted)) return wanted;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH is set to ${wanted}, but no file is there.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!hasApt) {
    throw new Error(
      `No Chromium at ${DEFAULT_CHROME}. Install Chromium with your system's package manager, ` +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  if (!isRoot) {
    throw new Error(
      `No Chromium at ${DEFAULT_CHROME}. Install it once with: sudo apt-get install -y chromium ` +
        '(or set CHROME_PATH to a Chromium or Chrome binary).',
    );
  }
  console.log(`[browser] ${DEFAULT_CHROME} is missing: installing Debian's chromium package…`);
  if (!run('apt-get', ['install', '-y', '-q', 'chromium'])) {
    // The package lists may be stale or absent on a new machine.
    run('apt-get', ['update', '-q']);
    if (!run('apt-get', ['install', '-y', '-q', 'chromium'])) {
      throw new Error('apt-get install -y chromium failed; see the output above.');
    }
  }
  if (!existsSync(DEFAULT_CHROME)) throw new Error(`chromium installed, but ${DEFAULT_CHROME} is still missing.`);
  return DEFAULT_CHROME;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(`[browser] using ${ensureBrowser()}`);
  } catch (error) {
    console.error(`[browser] ${error.message}`);
    process.exit(1);
  }
}
