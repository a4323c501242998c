import path from 'node:path';
import { isIP } from 'node:net';
import { resolvedAbsolute } from './names.ts';

/**
 * The text side of the nginx check (nginx.ts runs it): which context a snippet is written for, the
 * snippet rewritten so it can be checked anywhere line for line, and the nginx.conf wrapped around it.
 */

export type NginxContext = 'main' | 'http' | 'server' | 'location';

export const NGINX_CONTEXTS: readonly NginxContext[] = ['main', 'http', 'server', 'location'];

export function isNginxContext(value: string | undefined): value is NginxContext {
  return (NGINX_CONTEXTS as readonly string[]).includes(value ?? '');
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
