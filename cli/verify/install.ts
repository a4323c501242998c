import { spawnSync } from 'node:child_process';
import { which } from './types.ts';

/** The Debian package that brings each program the checkers run. */
export const DEBIAN_PACKAGES: Readonly<Record<string, string>> = {
  nginx: 'nginx',
  openssl: 'openssl',
  'systemd-analyze': 'systemd',
  supervisord: 'supervisor',
  javac: 'openjdk-17-jdk-headless',
  java: 'openjdk-17-jdk-headless',
  shellcheck: 'shellcheck',
  bash: 'bash',
  sh: 'dash',
  python3: 'python3',
};

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Makes sure the programs exist. Missing ones are installed with apt-get when running as root on a
 * Debian-like system; returns the programs still missing, each with the package that provides it.
 */
export function ensureTools(commands: Iterable<string>, options: { install: boolean; log: (line: string) => void }): Map<string, string> {
  const missing = new Map<string, string>();
  for (const command of new Set(commands)) {
    if (!which(command)) missing.set(command, DEBIAN_PACKAGES[command] ?? command);
  }
  if (missing.size === 0 || !options.install) return missing;
  if (!isRoot() || !which('apt-get')) {
    options.log(`missing: ${[...missing.keys()].join(', ')} (not root or no apt-get: install ${[...new Set(missing.values())].join(' ')} yourself)`);
    return missing;
  }
  const packages = [...new Set(missing.values())];
  options.log(`installing with apt-get: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (update.status !== 0) options.log('apt-get update failed; trying the install anyway');
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  if (install.status !== 0) options.log(`apt-get install ${packages.join(' ')} failed (exit ${install.status})`);
  for (const command of [...missing.keys()]) if (which(command)) missing.delete(command);
  return missing;
}
