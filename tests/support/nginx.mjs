// nginx for the end-to-end tests: finds it (installing Debian's package on a fresh machine, as
// browser.mjs does for Chromium) and renders deploy/nginx*.conf for a built test site, with a
// loopback port and the site's folder put in, inside a minimal main config whose pid, log and
// temp paths all live in tests/.tmp/nginx-<name>/, so nginx runs as any user.
// Usage: npm exec -- node tests/support/nginx.mjs                      check / install
//        npm exec -- node tests/support/nginx.mjs render <name> <port>  write tests/.tmp/nginx-<name>/
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outDir } from './test-sites.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KNOWN_PATHS = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx'];

/**
 * The test sites served through nginx: which deploy file, which port.
 * @type {Record<'root' | 'kb', { site: 'root' | 'kb'; conf: string; port: number }>}
 */
export const nginxSites = {
  root: { site: 'root', conf: 'deploy/nginx.conf', port: 4410 },
  kb: { site: 'kb', conf: 'deploy/nginx-subpath.conf', port: 4411 },
};

/** The nginx executable: NGINX_PATH, then PATH, then the usual places; undefined when there is none. */
export function findNginx() {
  if (process.env.NGINX_PATH) return process.env.NGINX_PATH;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...dirs.map((dir) => path.join(dir, 'nginx')), ...KNOWN_PATHS].find((file) => fs.existsSync(file));
}

export async function ensureNginx() {
  if (findNginx()) return;
  console.log("No nginx found; Debian's nginx package provides it.");
  // In a container the package's attempt to start the system service may fail; the binary is what we need.
  // Loaded only here: `render` must also run on a Node without TypeScript support.
  const { ensureDebianPackages } = await import('../../cli/debian.ts');
  ensureDebianPackages(['nginx'], { log: (line) => console.log(line) });
  if (!findNginx()) throw new Error('No nginx found. Install it (apt-get install nginx, brew install nginx) or set NGINX_PATH.');
}

/** Where nginx's own mime.types is: beside the main config it was built with (`nginx -V` says where). */
function mimeTypes(nginx) {
  const { stdout, stderr } = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const confPath = /--conf-path=(\S+)/.exec(`${stdout}${stderr}`)?.[1];
  const candidates = [confPath && path.join(path.dirname(confPath), 'mime.types'), '/etc/nginx/mime.types'].filter(Boolean);
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`nginx's mime.types not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** The prefix directory nginx runs in for one test site. */
export function nginxPrefix(name) {
  return path.join(ROOT, 'tests', '.tmp', `nginx-${name}`);
}

/** Puts the test port and the built site's folder into a deploy config, failing loudly if its shape changed. */
export function renderServerBlock(conf, { port, siteDir }) {
  const replacements = [
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`],
    [/^\s*listen \[::\]:80;\n/m, ''],
    [/\/srv\/notes\/dist/g, siteDir],
  ];
  return replacements.reduce((text, [pattern, value]) => {
    if (!pattern.test(text)) throw new Error(`deploy config no longer has ${pattern}: update tests/support/nginx.mjs`);
    pattern.lastIndex = 0;
    return text.replace(pattern, value);
  }, conf);
}

/** Writes tests/.tmp/nginx-<name>/{nginx.conf,site.conf} and the folders nginx writes to; returns the prefix. */
export function renderNginx(name, port) {
  const nginx = findNginx();
  if (!nginx) throw new Error('No nginx found: run `npm exec -- node tests/support/nginx.mjs` first.');
  const { site, conf } = nginxSites[name];
  const prefix = nginxPrefix(name);
  const siteDir = path.join(ROOT, outDir(site));
  if (!fs.existsSync(siteDir)) throw new Error(`${outDir(site)} is not built (npm exec -- node tests/support/build-test-sites.mjs ${site})`);
  for (const dir of ['logs', 'temp']) fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  const server = renderServerBlock(fs.readFileSync(path.join(ROOT, conf), 'utf8'), { port, siteDir });
  fs.writeFileSync(path.join(prefix, 'site.conf'), server);
  const temp = (kind) => `${kind}_temp_path ${path.join(prefix, 'temp', kind)};`;
  const main = [
    `# Written by tests/support/nginx.mjs: ${conf} for the test site "${site}" on 127.0.0.1:${port}.`,
    'worker_processes 1;',
    `pid ${path.join(prefix, 'nginx.pid')};`,
    `error_log ${path.join(prefix, 'logs', 'error.log')} warn;`,
    'events { worker_connections 128; }',
    'http {',
    `  include ${mimeTypes(nginx)};`,
    '  default_type application/octet-stream;',
    `  access_log ${path.join(prefix, 'logs', 'access.log')};`,
    `  ${temp('client_body')}`,
    `  ${temp('proxy')}`,
    `  ${temp('fastcgi')}`,
    `  ${temp('uwsgi')}`,
    `  ${temp('scgi')}`,
    `  include ${path.join(prefix, 'site.conf')};`,
    '}',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), main);
  return prefix;
}

/** The shell command Playwright runs: render, then nginx in the foreground with everything under the prefix. */
export function nginxCommand(name) {
  const nginx = findNginx();
  const prefix = nginxPrefix(name);
  const { port } = nginxSites[name];
  return `node tests/support/nginx.mjs render ${name} ${port} && exec ${nginx} -p ${prefix} -c ${prefix}/nginx.conf -e ${prefix}/logs/error.log -g 'daemon off;'`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, name, port] = process.argv.slice(2);
  if (command === 'render') {
    if (!(name in nginxSites)) throw new Error(`unknown nginx test site "${name}" (${Object.keys(nginxSites).join(', ')})`);
    renderNginx(name, Number(port ?? nginxSites[name].port));
  } else {
    await ensureNginx();
    console.log(`nginx: ${findNginx()}`);
  }
}
