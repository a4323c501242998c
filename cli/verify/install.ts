import { ensureDebianPackages } from '../debian.ts';
import { which } from './run.ts';
import { SANDBOX_PATH } from './sandbox.ts';

/** The Debian package that brings each program the checkers and the sandbox run. */
export const DEBIAN_PACKAGES: Readonly<Record<string, string>> = {
  bwrap: 'bubblewrap',
  setpriv: 'util-linux',
  prlimit: 'util-linux',
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

/** What the sandbox itself needs, checked on every run. */
export const SANDBOX_PROGRAMS = ['bwrap', 'setpriv', 'prlimit'] as const;

/**
 * Makes sure the programs exist where the sandbox looks for them (the system's PATH folders, not
 * this shell's PATH). Missing ones are installed with apt-get when running as root on Debian;
 * returns the programs still missing, each with the package that provides it.
 */
export function ensureTools(commands: Iterable<string>, options: { install: boolean; log: (line: string) => void }): Map<string, string> {
  const missing = new Map<string, string>();
  for (const command of new Set(commands)) {
    if (!which(command, SANDBOX_PATH)) missing.set(command, DEBIAN_PACKAGES[command] ?? command);
  }
  if (missing.size > 0 && options.install) {
    ensureDebianPackages([...new Set(missing.values())], { log: options.log });
    for (const command of [...missing.keys()]) if (which(command, SANDBOX_PATH)) missing.delete(command);
  }
  return missing;
}
