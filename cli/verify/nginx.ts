import fs from 'node:fs';
import path from 'node:path';
import { NGINX_CONTEXTS, detectContext, isNginxContext, rewriteForCheck, unprivilegedPorts, wrapNginx } from './nginx-config.ts';
import { run } from './run.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp } from './types.ts';

/**
 * nginx: `nginx -t` on a throwaway nginx.conf that puts the snippet in the context it is written
 * for (fence meta `context=main|http|server|location`, else guessed from its first directive).
 * The snippet's rewriting and wrapping are in nginx-config.ts.
 */

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
  return { status: 'failed', problems: [{ line: snippet.line, message: `context=${declared} is not one of ${NGINX_CONTEXTS.join(', ')}` }], notes: [] };
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
