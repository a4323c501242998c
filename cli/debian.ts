/**
 * Installs Debian packages that a command-line tool or the tests need (Chromium, nginx, the snippet
 * checkers, bubblewrap). As root on a machine with apt-get: `apt-get update` (once per process), then
 * `apt-get install`. Anywhere else it installs nothing and says exactly what to install.
 */
import { spawnSync, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';

export interface DebianOptions {
  log?: (line: string) => void;
}

const APT_GET = '/usr/bin/apt-get';
let updated = false;

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The packages dpkg does not list as installed (all of them where there is no dpkg). */
function notInstalled(packages: readonly string[]): string[] {
  return packages.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return query.status !== 0 || !query.stdout.includes('install ok installed');
  });
}

/**
 * Makes sure the packages are installed. Returns true when they are (already, or now); false when
 * they could not be installed, after logging the command that would install them.
 */
export function ensureDebianPackages(packages: readonly string[], options: DebianOptions = {}): boolean {
  const log = options.log ?? ((line: string) => console.error(line));
  const wanted = notInstalled([...new Set(packages)]);
  if (wanted.length === 0) return true;
  const command = `apt-get install -y --no-install-recommends ${wanted.join(' ')}`;
  if (!isRoot() || !fs.existsSync(APT_GET)) {
    log(`not installed: ${wanted.join(', ')}. Install with \`sudo ${command}\` (Debian/Ubuntu) or your system's package manager.`);
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt's output goes to stderr: a tool's stdout is its report.
  const stdio: StdioOptions = ['ignore', 2, 2];
  if (!updated) {
    log('apt-get update');
    const update = spawnSync(APT_GET, ['update', '-qq'], { stdio, env });
    // A failed update (offline mirror) may still leave a usable package list.
    if (update.status !== 0) log('apt-get update failed; trying the install anyway');
    updated = true;
  }
  log(command);
  const install = spawnSync(APT_GET, ['install', '-y', '-qq', '--no-install-recommends', ...wanted], { stdio, env });
  if (install.status === 0) return true;
  log(`${command} failed (exit ${install.status ?? install.signal})`);
  return notInstalled(wanted).length === 0;
}
