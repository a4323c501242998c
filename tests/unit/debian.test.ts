import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '../../cli/debian.ts';

const helper = path.resolve(import.meta.dirname, '..', '..', 'cli', 'debian.ts');
const onDebian = fs.existsSync('/usr/bin/dpkg-query');
const isRoot = process.getuid?.() === 0;

describe.runIf(onDebian)('ensureDebianPackages', () => {
  it('does nothing for packages that are installed', () => {
    const lines: string[] = [];
    expect(ensureDebianPackages(['dpkg', 'dpkg'], { log: (line) => lines.push(line) })).toBe(true);
    expect(lines).toEqual([]);
  });

  it('without the right to install, installs nothing and names the exact command', () => {
    const script = `import(${JSON.stringify(helper)}).then((m) => console.log(m.ensureDebianPackages(['dpkg', 'no-such-package-xyz'], { log: console.log })))`;
    // As root, ask as uid 65534, who may not install.
    const command = isRoot ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const result = spawnSync(command[0]!, [...command.slice(1), '-e', script], { encoding: 'utf8', cwd: '/' });
    expect(result.stdout.trim().split('\n')).toEqual([
      'not installed: no-such-package-xyz. Install with `sudo apt-get install -y --no-install-recommends no-such-package-xyz` (Debian/Ubuntu) or your system\'s package manager.',
      'false',
    ]);
  });
});
