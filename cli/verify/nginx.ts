import fs from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { resolvedAbsolute } from './names.ts';
import { run } from './run.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp } from './types.ts';

/**
 * nginx: `nginx -t` on a throwaway nginx.conf that puts the snippet in the context it is written
 * for (fence meta `context=main|http|server|location`, else guessed from its first directive).
 */

export type NginxContext = 'main' | 'http' | 'server' | 'location';

const CONTEXTS: readonly NginxContext[] = ['main', 'http', 'server', 'location'];

export function isNginxContext(value: string | undefined): value is NginxContext {
  return (CONTEXTS as readonly string[]).includes(value ?? '');
}

/** The first directive decides: `http {`/`events {` → main; `server {`, `upstream`, `map`, `log_format` → http; `location` → server; anything else → location. */
export function detectContext(code: string): NginxContext {
  const first = code
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
  if (!first) return 'location';
  if (/^(http|events|stream|mail)\s*\{/.test(first)) return 'main';
  if (/^(user|worker_processes|pid|load_module|worker_rlimit_nofile|include\s+\/etc\/nginx\/modules-enabled)\b/.test(first)) return 'main';
  if (/^server\s*\{/.test(first)) return 'http';
  if (/^(upstream|map|log_format|geo|split_clients|limit_req_zone|limit_conn_zone|proxy_cache_path)\b/.test(first)) return 'http';
  if (/^location\b/.test(first)) return 'server';
  return 'location';
}

export interface WrappedConfig {
  config: string;
  /** Lines of the generated file before the snippet's first line. */
  offset: number;
}

/**
 * Builds the nginx.conf around a snippet. The snippet's lines are kept as they are (one wrapper
 * line may be appended to a main-context `http {` line), so nginx's line numbers map back to it.
 */
export function wrapNginx(code: string, context: NginxContext, dir: string): WrappedConfig {
  // nginx's compiled-in temp and access-log paths (/var/lib/nginx, /var/log/nginx) are outside the sandbox.
  const temps = [
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${path.join(dir, 'temp', name)};`),
    `access_log ${path.join(dir, 'logs', 'access.log')};`,
  ].join(' ');
  const mainLines: string[] = [];
  const hasDirective = (name: string) => new RegExp(`^\\s*${name}\\s`, 'm').test(code);
  if (context !== 'main' || !hasDirective('pid')) mainLines.push(`pid ${path.join(dir, 'nginx.pid')};`);
  if (context !== 'main' || !hasDirective('error_log')) mainLines.push(`error_log ${path.join(dir, 'error.log')};`);
  if (context === 'main') {
    if (!/^\s*events\s*\{/m.test(code)) mainLines.push('events {}');
    // Temp paths go on the `http {` line itself, so no snippet line moves.
    const body = code.replace(/^(\s*http\s*\{)/m, `$1 ${temps}`);
    return { config: `${[...mainLines, body].join('\n')}\n`, offset: mainLines.length };
  }
  const open = [...mainLines, 'events {}', 'http {', temps];
  const close = ['}'];
  if (context === 'server' || context === 'location') {
    open.push('server {');
    close.unshift('}');
  }
  if (context === 'location') {
    open.push('location / {');
    close.unshift('}');
  }
  return { config: `${[...open, code, ...close].join('\n')}\n`, offset: open.length };
}

export interface Rewritten {
  code: string;
  notes: string[];
}

const PASS = /(\b(?:proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass\s+)([^\s;]+)/g;

/**
 * Makes a snippet checkable anywhere, line for line: host names of backends become 127.0.0.1
 * (`nginx -t` resolves them), certificate paths point to a throwaway self-signed pair, log files
 * go to the temp directory. Upstream group names and variables are left alone.
 */
export function rewriteForCheck(code: string, files: { dir: string; cert: string; key: string }): Rewritten {
  const upstreams = new Set([...code.matchAll(/\bupstream\s+([^\s{]+)\s*\{/g)].map((m) => m[1]!));
  const hosts = new Set<string>();
  const notes = new Set<string>();
  const loopback = (host: string): boolean => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare) !== 0 || host === 'localhost' || upstreams.has(host) || host.startsWith('unix')) return false;
    hosts.add(host);
    return true;
  };
  const stack: string[] = [];
  const out = code.split('\n').map((line) => {
    let result = line;
    result = result.replace(PASS, (all, directive: string, target: string) => {
      const parts = /^([a-z]+:\/\/)?(\[[^\]]+\]|[^:/]+)(.*)$/.exec(target);
      if (!parts || parts[2]!.includes('$') || !loopback(parts[2]!)) return all;
      return `${directive}${parts[1] ?? ''}127.0.0.1${parts[3]}`;
    });
    const cert = /^(\s*(?:proxy_)?ssl_(certificate|certificate_key|trusted_certificate|client_certificate)\s+)([^\s;$]+)(\s*;)/.exec(result);
    if (cert) {
      result = `${cert[1]}${cert[2] === 'certificate_key' ? files.key : files.cert}${cert[4]}${result.slice(cert[0].length)}`;
      notes.add('certificate files replaced by a throwaway self-signed pair');
    }
    const log = /^(\s*(?:access_log|error_log)\s+)([^\s;]+)/.exec(result);
    // `/dev/../etc/x` is not a device: only a path that stays in /dev once resolved is kept.
    const device = log?.[2]?.startsWith('/') && resolvedAbsolute(log[2]).startsWith('/dev/');
    if (log && log[2] !== 'off' && !/^(syslog:|memory:|stderr$)/.test(log[2]!) && !device && !log[2]!.includes('$')) {
      result = `${log[1]}${path.join(files.dir, 'logs', path.basename(log[2]!))}${result.slice(log[0].length)}`;
      notes.add('log files written to the temp directory');
    }
    // Statement by statement, tracking blocks: a `server` inside `upstream { }` names a backend.
    const comment = result.search(/#(?=(?:[^"']|"[^"]*"|'[^']*')*$)/);
    const body = comment === -1 ? result : result.slice(0, comment);
    const pieces = body.match(/(?:"[^"]*"|'[^']*'|[^{};]|["'])*?[{};]|(?:"[^"]*"|'[^']*'|[^{};]|["'])+$/g) ?? [];
    if (pieces.join('') !== body) return result;
    const rebuilt = pieces.map((piece) => {
      let statement = piece;
      const member = /^(\s*server\s+)(\[[^\]]+\]|[^\s:;]+)/.exec(statement);
      if (stack.includes('upstream') && member && !member[2]!.startsWith('unix') && loopback(member[2]!)) {
        statement = `${member[1]}127.0.0.1${statement.slice(member[0].length)}`;
      }
      if (piece.endsWith('{')) stack.push(piece.trim().split(/\s+/)[0] ?? '');
      else if (piece.endsWith('}')) stack.pop();
      return statement;
    });
    return rebuilt.join('') + (comment === -1 ? '' : result.slice(comment));
  });
  if (hosts.size > 0) notes.add(`upstream host names resolved to 127.0.0.1 for the check: ${[...hosts].join(', ')}`);
  return { code: out.join('\n'), notes: [...notes] };
}

const LISTEN = /(^[ \t]*|[{;][ \t]*)(listen[ \t]+)(\[[^\]]*\]|[^\s;:[]+)(?::(\d+))?/gm;
const PORT_SHIFT = 10_000;

/**
 * nginx -t binds every `listen` address, and the sandbox's unprivileged user may not bind ports
 * below 1024: those move up by 10000 (`listen 80` → `listen 10080`), all the same way, so two
 * servers on one port still share one, line for line. `listen 127.0.0.1;` means port 80.
 */
export function unprivilegedPorts(code: string): Rewritten {
  const moved = new Map<number, number>();
  const out = code.replace(LISTEN, (all, before: string, directive: string, address: string, port: string | undefined) => {
    if (address === 'unix') return all;
    const bare = port === undefined && /^\d+$/.test(address);
    const number = port !== undefined ? Number(port) : bare ? Number(address) : 80;
    if (number === 0 || number >= 1024) return all;
    moved.set(number, number + PORT_SHIFT);
    return `${before}${directive}${bare ? '' : `${address}:`}${number + PORT_SHIFT}`;
  });
  const list = [...moved].map(([from, to]) => `${from} → ${to}`).join(', ');
  return { code: out, notes: moved.size > 0 ? [`ports below 1024 moved up for the unprivileged check: ${list}`] : [] };
}

function configProblems(output: string, configFile: string, offset: number, snippet: Snippet): Problem[] {
  const codeLines = snippet.code.split('\n').length;
  const problems: Problem[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!/\[(emerg|alert|crit|error|warn)\]/.test(line)) continue;
    // Only as super-user does nginx switch users; not a flaw of the snippet.
    if (/"user" directive makes sense only if the master process runs with super-user/.test(line)) continue;
    const where = new RegExp(`in ${escapeRegExp(configFile)}:(\\d+)`).exec(line);
    const codeLine = where ? Math.min(Math.max(Number(where[1]) - offset, 1), codeLines) : 1;
    const message = line
      .replace(/^nginx: /, '')
      .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, '')
      .replace(/ \d+#\d+: /, ' ')
      .replaceAll(configFile, 'nginx.conf');
    problems.push({ line: snippet.line + codeLine, message });
  }
  return problems;
}

const certificates = new Map<string, Promise<{ cert: string; key: string } | string>>();

/** One self-signed pair per run, made on first use (openssl sees no note content). */
function throwawayCertificate(runDir: string): Promise<{ cert: string; key: string } | string> {
  let made = certificates.get(runDir);
  if (made) return made;
  made = (async () => {
    const cert = path.join(runDir, 'snippet-check.crt');
    const key = path.join(runDir, 'snippet-check.key');
    const openssl = await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=snippet-check.invalid', '-keyout', key, '-out', cert,
    ], { timeoutMs: 60_000 });
    return openssl.code === 0 ? { cert, key } : `openssl could not make a test certificate: ${clip(openssl.stderr, 4)}`;
  })();
  certificates.set(runDir, made);
  return made;
}

/** A relative include (`include mime.types;`) that stays below the config's folder. */
const RELATIVE_INCLUDE = /^\s*include\s+((?:[\w.-]+\/)*[\w.-]+);/gm;

/**
 * The folder nginx -t runs in: the certificate pair copied in (the sandbox sees only this folder),
 * and the system's copies of relatively included files such as mime.types.
 */
function prepareDir(dir: string, code: string, pair: { cert: string; key: string }): { cert: string; key: string } {
  for (const sub of ['logs', 'temp', 'tls']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const local = { cert: path.join(dir, 'tls', 'check.crt'), key: path.join(dir, 'tls', 'check.key') };
  fs.copyFileSync(pair.cert, local.cert);
  fs.copyFileSync(pair.key, local.key);
  for (const match of code.matchAll(RELATIVE_INCLUDE)) {
    const name = match[1]!;
    if (name.split('/').includes('..')) continue;
    const system = path.join('/etc/nginx', name);
    const target = path.join(dir, name);
    if (fs.existsSync(system) && !fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.symlinkSync(system, target);
    }
  }
  return local;
}

function contextProblem(snippet: Snippet, declared: string): Outcome {
  return { status: 'failed', problems: [{ line: snippet.line, message: `context=${declared} is not one of ${CONTEXTS.join(', ')}` }], notes: [] };
}

export const nginxChecker: Checker = {
  tool: 'nginx',
  requires: ['nginx', 'openssl'],
  handles: (snippet) => snippet.lang === 'nginx',
  async version(run) {
    const result = await run('nginx', ['-v'], { timeoutMs: 30_000, needsSandbox: false });
    const match = /nginx\/(\S+)/.exec(result.stderr + result.stdout);
    return `nginx ${match?.[1] ?? 'unknown'}`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const declared = snippet.meta.attributes['context'];
    if (declared !== undefined && !isNginxContext(declared)) return contextProblem(snippet, declared);
    const nginxContext = declared ?? detectContext(snippet.code);
    const pair = await throwawayCertificate(context.runDir);
    if (typeof pair === 'string') return { status: 'failed', problems: [{ line: snippet.line, message: pair }], notes: [] };
    const dir = context.workDir;
    const local = prepareDir(dir, snippet.code, pair);
    const rewritten = rewriteForCheck(snippet.code, { dir, ...local });
    const ports = unprivilegedPorts(rewritten.code);
    const wrapped = wrapNginx(ports.code, nginxContext, dir);
    const configFile = path.join(dir, 'nginx.conf');
    fs.writeFileSync(configFile, wrapped.config);
    // nginx -t opens every file the config names and may load modules: it needs the sandbox.
    const result = await context.run('nginx', ['-t', '-p', `${dir}/`, '-e', path.join(dir, 'error.log'), '-c', configFile], {
      workDir: dir,
      timeoutMs: 30_000,
      needsSandbox: true,
    });
    const output = `${result.stderr}\n${result.stdout}`;
    const detected = declared ? [] : [`no context= in the fence meta: checked as ${nginxContext} (detected)`];
    const notes = [...detected, ...rewritten.notes, ...ports.notes];
    const problems = configProblems(output, configFile, wrapped.offset, snippet);
    if (result.code !== 0 && problems.length === 0) {
      problems.push({ line: snippet.line, message: clip(output.trim().replaceAll(configFile, 'nginx.conf')) });
    }
    return problems.length > 0 ? { status: 'failed', problems, notes } : { status: 'passed', notes };
  },
};
