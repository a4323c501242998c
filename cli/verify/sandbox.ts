/**
 * The sandbox every program of the verifier runs in: bubblewrap (`bwrap`, Debian package
 * `bubblewrap`), the tool Flatpak builds on. The program sees a read-only /usr and /etc and nothing
 * else of the machine (no /home, /root, /srv, project checkout or other temp files), with only its
 * own temp folder writable, no network (an empty network namespace), its own process namespace, an
 * empty environment, as uid 65534 (nobody), under CPU, memory, process and file-size limits.
 *
 * Two ways to get there, tried in this order:
 * - `userns`: bwrap makes a user namespace with uid 65534 in it. Run as root, the verifier first
 *   becomes uid 65534 for real (`setpriv`), so the kernel's file permissions hide root's files too
 *   (/etc/shadow, private keys); run as another user, uid 65534 is that user, who then sees only the
 *   same system folders. The process limit counts this one sandbox's processes.
 * - `setpriv` (root only, where unprivileged user namespaces are refused): bwrap runs as root
 *   without a user namespace, and `setpriv` inside becomes uid 65534 with no capabilities. The
 *   process limit then counts every process of uid 65534 on the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, which } from './run.ts';

export interface Limits {
  /** CPU seconds (RLIMIT_CPU). */
  cpuSeconds: number;
  /**
   * Writable memory in bytes (RLIMIT_DATA): what a program actually makes writable. Not address
   * space (RLIMIT_AS): the JVM reserves far more than it uses, and ShellCheck (GHC) reserves 1 TiB.
   */
  memoryBytes: number;
  /** Processes and threads (RLIMIT_NPROC). */
  processes: number;
  /** Largest file the program may write (RLIMIT_FSIZE). */
  fileBytes: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: Limits = { cpuSeconds: 60, memoryBytes: 512 * MiB, processes: 256, fileBytes: 64 * MiB };

export const SANDBOX_UID = 65534;
/** PATH inside the sandbox, and where the verifier looks for the programs it runs there. */
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';
const SETPRIV = '/usr/bin/setpriv';
const SCRATCH_BYTES = 64 * MiB;
const PRLIMIT = '/usr/bin/prlimit';

export type SandboxMode = 'userns' | 'setpriv';

export type SandboxStatus =
  | { active: true; mode: SandboxMode; summary: string }
  | { active: false; reason: string };

export interface Job {
  command: string;
  args: readonly string[];
  /** The program's only writable folder (bound at the same path); its working directory and HOME. */
  workDir?: string | undefined;
  env?: Readonly<Record<string, string>> | undefined;
  limits: Limits;
}

/** `prlimit` options that put the limits on the program it starts. */
export function limitArgs(limits: Limits, withProcesses = true): string[] {
  return [
    PRLIMIT,
    `--cpu=${limits.cpuSeconds}`,
    `--data=${limits.memoryBytes}`,
    ...(withProcesses ? [`--nproc=${limits.processes}`] : []),
    `--fsize=${limits.fileBytes}`,
    '--core=0',
    '--',
  ];
}

/** /usr and /etc read-only; /bin, /lib… as the symlinks (merged /usr) or folders they are here. */
function systemView(): string[] {
  const args = ['--ro-bind', '/usr', '/usr', '--ro-bind', '/etc', '/etc'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(top);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(top), top);
    else if (stat.isDirectory()) args.push('--ro-bind', top, top);
  }
  return args;
}

/** The folders above the work folder, made traversable (bwrap would create them private to root). */
function parents(dir: string): string[] {
  const out: string[] = [];
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    out.unshift('--perms', '0711', '--dir', parent);
  }
  return out;
}

const BECOME_NOBODY = [SETPRIV, `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, '--clear-groups'];

/** bwrap's namespaces, and what runs around it to leave root behind (when the verifier is root). */
function identity(mode: SandboxMode): { before: string[]; namespaces: string[]; after: string[] } {
  if (mode === 'userns') {
    return {
      before: isRoot() ? BECOME_NOBODY : [],
      namespaces: ['--unshare-all', '--unshare-user', '--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_UID), '--disable-userns'],
      after: ['--'],
    };
  }
  // Keep only the rights to change uid and to empty the bounding set, and use them at once.
  return {
    before: [],
    namespaces: ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try'],
    after: [...['CAP_SETUID', 'CAP_SETGID', 'CAP_SETPCAP'].flatMap((cap) => ['--cap-add', cap]), '--',
            ...BECOME_NOBODY, '--no-new-privs', '--bounding-set=-all', '--inh-caps=-all'],
  };
}

/** The whole command line: bwrap, its namespaces and file system, then the limits, then the program. */
export function sandboxArgv(mode: SandboxMode, job: Job): string[] {
  const home = job.workDir ?? '/tmp';
  const files = [
    ...systemView(),
    '--dev', '/dev',
    '--proc', '/proc',
    // Small private /tmp and /run: systemd-analyze insists on making its folders there.
    ...['/tmp', '/run'].flatMap((dir) => ['--perms', '01777', '--size', String(SCRATCH_BYTES), '--tmpfs', dir]),
    ...(job.workDir ? [...parents(job.workDir), '--bind', job.workDir, job.workDir] : []),
    '--chdir', home,
  ];
  const env = { PATH: SANDBOX_PATH, HOME: home, TMPDIR: home, LANG: 'C.UTF-8', ...job.env };
  const environment = ['--clearenv', ...Object.entries(env).flatMap(([name, value]) => ['--setenv', name, value])];
  const { before, namespaces, after } = identity(mode);
  return [
    ...before, 'bwrap', ...namespaces, '--hostname', 'sandbox', '--die-with-parent', '--new-session',
    ...files, ...environment, ...after, ...limitArgs(job.limits), job.command, ...job.args,
  ];
}

/** Gives the sandbox's uid the folder the verifier prepared (as root only; symlinks are not followed). */
export function handOver(dir: string): void {
  fs.lchownSync(dir, SANDBOX_UID, SANDBOX_UID);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) handOver(full);
    else fs.lchownSync(full, SANDBOX_UID, SANDBOX_UID);
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Why the sandbox cannot be used here, before trying it. */
function missingPiece(): string | undefined {
  if (process.env['NOTES_VERIFY_SANDBOX'] === 'off') return 'turned off by NOTES_VERIFY_SANDBOX=off';
  if (process.platform !== 'linux') return `bubblewrap needs Linux (this is ${process.platform})`;
  if (!which('bwrap', SANDBOX_PATH)) return 'bwrap is not installed (Debian package bubblewrap)';
  if (!fs.existsSync(PRLIMIT)) return `${PRLIMIT} is missing (Debian package util-linux)`;
  if (isRoot() && !fs.existsSync(SETPRIV)) return `${SETPRIV} is missing (Debian package util-linux)`;
  return undefined;
}

/** Runs a trivial program that writes one file into its folder; undefined when that worked, else why not. */
async function tryMode(mode: SandboxMode): Promise<string | undefined> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-sandbox-probe-'));
  try {
    if (isRoot()) handOver(workDir);
    const argv = sandboxArgv(mode, { command: 'sh', args: ['-c', ': > probe'], workDir, limits: DEFAULT_LIMITS });
    const result = await run(argv[0]!, argv.slice(1), { timeoutMs: 20_000 });
    if (result.code === 0 && fs.existsSync(path.join(workDir, 'probe'))) return undefined;
    return result.stderr.trim().split('\n')[0] || `exit ${result.code}`;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const SUMMARY: Record<SandboxMode, string> = {
  userns: `uid ${SANDBOX_UID} in its own user namespace`,
  setpriv: `uid ${SANDBOX_UID} without a user namespace (refused here), so the process limit is shared by all sandboxes`,
};

/** The first way of sandboxing that works here (see the top of this file), or why none does. */
export async function probeSandbox(): Promise<SandboxStatus> {
  const missing = missingPiece();
  if (missing) return { active: false, reason: missing };
  const failures: string[] = [];
  for (const mode of isRoot() ? (['userns', 'setpriv'] as const) : (['userns'] as const)) {
    const failure = await tryMode(mode);
    if (failure) {
      failures.push(`${mode}: ${failure}`);
      continue;
    }
    const version = (await run('bwrap', ['--version'])).stdout.trim();
    return { active: true, mode, summary: `${version}: ${SUMMARY[mode]}, no network, read-only /usr and /etc, only its temp folder writable` };
  }
  return { active: false, reason: `bwrap cannot set up its sandbox here (${failures.join('; ')})` };
}
