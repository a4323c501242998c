import fs from 'node:fs';
import path from 'node:path';
import { which } from './run.ts';
import { SANDBOX_PATH } from './sandbox.ts';
import type { Checker, CheckContext, Outcome, Problem, Snippet } from './types.ts';
import { clip, escapeRegExp } from './types.ts';

/**
 * supervisord: the `ini` snippet is loaded by supervisor's own option parser (ServerOptions.realize),
 * the same code `supervisord` runs at start-up. Other `ini` blocks are parsed with Python's configparser.
 */

const SUPERVISOR_SECTION = /^\s*\[(program:|group:|eventlistener:|fcgi-program:|rpcinterface:|supervisord\]|supervisorctl\]|unix_http_server\]|inet_http_server\])/m;

/**
 * Loads the config the way supervisord does, and also lists keys of program-like sections that
 * supervisor never read: its parser ignores a misspelled option silently.
 */
const LOAD_SUPERVISOR = String.raw`
import json, sys
from supervisor import options

accessed = set()
parsers = []
original = options.UnhosedConfigParser.saneget

def saneget(self, section, option, *args, **kwargs):
    accessed.add((section, option))
    if not any(p is self for p in parsers):
        parsers.append(self)
    return original(self, section, option, *args, **kwargs)

options.UnhosedConfigParser.saneget = saneget
server = options.ServerOptions()
server.realize(['-c', sys.argv[1]])
unknown = []
for parser in parsers:
    for section in parser.sections():
        if section.split(':', 1)[0] in ('program', 'group', 'eventlistener', 'fcgi-program'):
            for option in parser._sections.get(section, {}):
                if (section, option) not in accessed:
                    unknown.append([section, option])
print(json.dumps({'unknown': unknown}))
`;

const PARSE_INI = String.raw`
import configparser, sys
parser = configparser.ConfigParser(interpolation=None, strict=True)
try:
    with open(sys.argv[1], encoding='utf-8') as f:
        parser.read_file(f, source='snippet.ini')
except configparser.Error as error:
    print(error)
    sys.exit(1)
`;

/** The Python that supervisor is installed for: the interpreter named in supervisord's #! line. */
function supervisorPython(): string {
  const supervisord = which('supervisord', SANDBOX_PATH);
  if (supervisord) {
    const first = fs.readFileSync(supervisord, 'utf8').split('\n', 1)[0] ?? '';
    const interpreter = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (interpreter?.[1]?.endsWith('env') && interpreter[2]) return interpreter[2];
    if (interpreter?.[1]) return interpreter[1];
  }
  return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function userExists(name: string): boolean {
  if (/^\d+$/.test(name)) return true;
  try {
    return fs.readFileSync('/etc/passwd', 'utf8').split('\n').some((line) => line.split(':', 1)[0] === name);
  } catch {
    return false;
  }
}

/** The account the parser runs as in the sandbox. */
const SANDBOX_USER = 'nobody';

/**
 * Line for line, maps what only exists on the target machine: a `user=` that has no account here
 * becomes the sandbox's user, and every log or pid file moves to the temp directory (the sandbox
 * sees no /var, and its programs may write only there).
 */
export function mapForCheck(code: string, logDir: string, exists: (name: string) => boolean = userExists): { code: string; notes: string[] } {
  const users = new Set<string>();
  const dirs = new Set<string>();
  const out = code.split('\n').map((line) => {
    const user = /^(\s*user\s*=\s*)(\S+)(.*)$/.exec(line);
    if (user && !exists(user[2]!)) {
      users.add(user[2]!);
      return `${user[1]}${SANDBOX_USER}${user[3]}`;
    }
    const log = /^(\s*(?:stdout_logfile|stderr_logfile|logfile|pidfile)\s*=\s*)(\/\S+)(.*)$/.exec(line);
    if (log && !path.dirname(log[2]!).includes('%(')) {
      dirs.add(path.dirname(log[2]!));
      return `${log[1]}${path.join(logDir, path.basename(log[2]!))}${log[3]}`;
    }
    const childlogdir = /^(\s*childlogdir\s*=\s*)(\/\S+)(.*)$/.exec(line);
    if (childlogdir && !childlogdir[2]!.includes('%(')) {
      dirs.add(childlogdir[2]!);
      return `${childlogdir[1]}${logDir}${childlogdir[3]}`;
    }
    return line;
  });
  const notes: string[] = [];
  if (users.size > 0) notes.push(`user= accounts missing on this machine checked as ${SANDBOX_USER}: ${[...users].join(', ')}`);
  if (dirs.size > 0) notes.push(`log and pid files moved to the temp dir: ${[...dirs].join(', ')}`);
  return { code: out.join('\n'), notes };
}

/** The line of `[section]`, or of `key=` inside it, in the snippet (1-based), or 0. */
function findLine(code: string, section: string, key?: string): number {
  const all = code.split('\n');
  const start = all.findIndex((line) => line.trim() === `[${section}]`);
  if (start === -1) return 0;
  if (key === undefined) return start + 1;
  for (let i = start + 1; i < all.length; i++) {
    if (/^\s*\[/.test(all[i]!)) break;
    if (new RegExp(`^\\s*${escapeRegExp(key)}\\s*[=:]`, 'i').test(all[i]!)) return i + 1;
  }
  return start + 1;
}

export const supervisordChecker: Checker = {
  tool: 'supervisord',
  requires: ['supervisord'],
  handles: (snippet) => ['ini', 'conf', 'cfg', 'properties'].includes(snippet.lang) && SUPERVISOR_SECTION.test(snippet.code),
  async version(run) {
    const result = await run('supervisord', ['--version'], { timeoutMs: 30_000, needsSandbox: false });
    return `supervisor ${result.stdout.trim() || 'unknown'}`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const dir = context.workDir;
    const logDir = path.join(dir, 'logs');
    fs.mkdirSync(logDir, { recursive: true });
    const mapped = mapForCheck(snippet.code, logDir);
    const snippetFile = path.join(dir, 'snippet.conf');
    fs.writeFileSync(snippetFile, `${mapped.code}\n`);
    let configFile = snippetFile;
    if (!/^\s*\[supervisord\]/m.test(snippet.code)) {
      configFile = path.join(dir, 'supervisord.conf');
      fs.writeFileSync(
        configFile,
        [
          '[supervisord]',
          `logfile=${path.join(logDir, 'supervisord.log')}`,
          `pidfile=${path.join(dir, 'supervisord.pid')}`,
          `childlogdir=${logDir}`,
          '',
          '[include]',
          `files=${snippetFile}`,
          '',
        ].join('\n'),
      );
    }
    // supervisor's parser follows [include] files= and expands %(ENV_…)s: it needs the sandbox.
    const result = await context.run(supervisorPython(), ['-c', LOAD_SUPERVISOR, configFile], { workDir: dir, timeoutMs: 30_000, needsSandbox: true });
    const problems: Problem[] = [];
    if (result.code !== 0) {
      const message = result.stderr.replace(/\nFor help, use .*$/s, '').replaceAll(snippetFile, 'snippet').replaceAll(dir, '<tmp>').trim();
      const lineRef = /\[line (\d+)\]/.exec(message);
      const sectionRef = /in section '([^']+)'/.exec(message);
      const codeLine = lineRef ? Number(lineRef[1]) : sectionRef ? findLine(snippet.code, sectionRef[1]!) : 0;
      problems.push({ line: snippet.line + codeLine, message: clip(message || `exit ${result.code}`) });
    } else {
      const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { unknown?: [string, string][] };
      for (const [section, key] of report.unknown ?? []) {
        problems.push({
          line: snippet.line + findLine(snippet.code, section, key),
          message: `unknown option '${key}' in section [${section}]: supervisor ignores it without a warning`,
        });
      }
    }
    return problems.length > 0 ? { status: 'failed', problems, notes: mapped.notes } : { status: 'passed', notes: mapped.notes };
  },
};

export const iniChecker: Checker = {
  tool: 'ini',
  requires: ['python3'],
  handles: (snippet) => snippet.lang === 'ini',
  async version(run) {
    const result = await run(supervisorPython(), ['--version'], { timeoutMs: 30_000, needsSandbox: false });
    return `${(result.stdout || result.stderr).trim()} configparser`;
  },
  async check(snippet: Snippet, context: CheckContext): Promise<Outcome> {
    const file = path.join(context.workDir, 'snippet.ini');
    fs.writeFileSync(file, `${snippet.code}\n`);
    // Python's configparser reads only this file: safe without the sandbox too.
    const result = await context.run(supervisorPython(), ['-c', PARSE_INI, file], { workDir: context.workDir, timeoutMs: 30_000, needsSandbox: false });
    if (result.code === 0) return { status: 'passed', notes: [] };
    const message = (result.stdout + result.stderr).trim();
    const lineRef = /line:?\s*(\d+)/.exec(message);
    return {
      status: 'failed',
      problems: [{ line: snippet.line + (lineRef ? Number(lineRef[1]) : 0), message: clip(message) }],
      notes: [],
    };
  },
};
