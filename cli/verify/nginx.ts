import fs from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp, run } from './types.ts';

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
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${path.join(dir, 'temp', name)};`)
    .join(' ');
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
    if (log && log[2] !== 'off' && !/^(syslog:|memory:|stderr$|\/dev\/)/.test(log[2]!) && !log[2]!.includes('$')) {
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

/** One self-signed pair per run, made on first use. */
function throwawayCertificate(runDir: string): Promise<{ cert: string; key: string } | string> {
  let made = certificates.get(runDir);
  if (made) return made;
  made = (async () => {
    const cert = path.join(runDir, 'snippet-check.crt');
    const key = path.join(runDir, 'snippet-check.key');
    const openssl = await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=snippet-check.invalid', '-keyout', key, '-out', cert,
    ]);
    return openssl.code === 0 ? { cert, key } : `openssl could not make a test certificate: ${clip(openssl.stderr, 4)}`;
  })();
  certificates.set(runDir, made);
  return made;
}

export const nginxChecker: Checker = {
  tool: 'nginx',
  requires: ['nginx', 'openssl'],
  handles: (snippet) => snippet.lang === 'nginx',
  async version() {
    const result = await run('nginx', ['-v']);
    const match = /nginx\/(\S+)/.exec(result.stderr + result.stdout);
    return `nginx ${match?.[1] ?? 'unknown'}`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const declared = snippet.meta.attributes['context'];
    if (declared !== undefined && !isNginxContext(declared)) {
      return {
        status: 'failed',
        problems: [{ line: snippet.line, message: `context=${declared} is not one of ${CONTEXTS.join(', ')}` }],
        notes: [],
      };
    }
    const nginxContext = declared ?? detectContext(snippet.code);
    const pair = await throwawayCertificate(context.runDir);
    if (typeof pair === 'string') return { status: 'failed', problems: [{ line: snippet.line, message: pair }], notes: [] };
    const dir = context.workDir;
    for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    const rewritten = rewriteForCheck(snippet.code, { dir, ...pair });
    // Relative includes (`include mime.types;`) resolve next to nginx.conf: offer the system's copies.
    for (const match of rewritten.code.matchAll(/^\s*include\s+([^\s;/*][^\s;*]*);/gm)) {
      const system = path.join('/etc/nginx', match[1]!);
      const local = path.join(dir, match[1]!);
      if (fs.existsSync(system) && !fs.existsSync(local)) {
        fs.mkdirSync(path.dirname(local), { recursive: true });
        fs.symlinkSync(system, local);
      }
    }
    const wrapped = wrapNginx(rewritten.code, nginxContext, dir);
    const configFile = path.join(dir, 'nginx.conf');
    fs.writeFileSync(configFile, wrapped.config);
    const result = await run('nginx', ['-t', '-p', `${dir}/`, '-e', path.join(dir, 'error.log'), '-c', configFile], {
      timeoutMs: 30_000,
    });
    const output = `${result.stderr}\n${result.stdout}`;
    const notes = [...(declared ? [] : [`no context= in the fence meta: checked as ${nginxContext} (detected)`]), ...rewritten.notes];
    const problems = configProblems(output, configFile, wrapped.offset, snippet);
    if (result.code !== 0 && problems.length === 0) {
      problems.push({ line: snippet.line, message: clip(output.trim().replaceAll(configFile, 'nginx.conf')) });
    }
    return problems.length > 0 ? { status: 'failed', problems, notes } : { status: 'passed', notes };
  },
};
