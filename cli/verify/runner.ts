/**
 * How the checkers run programs. With the sandbox, everything runs in it. Without one, a program
 * that only parses the snippet (bash -n, ShellCheck, javac, Python's configparser) still runs, with
 * an empty environment and the same limits; one that executes the note's code or reads files the
 * note names (java, nginx, systemd-analyze, supervisord) is refused with NotRunError.
 */
import fs from 'node:fs';
import os from 'node:os';
import { run, type RunResult } from './run.ts';
import { DEFAULT_LIMITS, handOver, isRoot, limitArgs, SANDBOX_PATH, sandboxArgv, type Limits, type SandboxStatus } from './sandbox.ts';

export interface ToolRun {
  /** The folder the program may write (its working directory); nothing else is writable. */
  workDir?: string | undefined;
  timeoutMs: number;
  input?: string | undefined;
  env?: Readonly<Record<string, string>> | undefined;
  limits?: Partial<Limits> | undefined;
  /** True when the program executes the note's code or opens files the note names. */
  needsSandbox: boolean;
}

export type Runner = (command: string, args: readonly string[], options: ToolRun) => Promise<RunResult>;

/** A program that needs the sandbox was not run because there is none. */
export class NotRunError extends Error {
  constructor(why: string) {
    super(`not run: no sandbox (${why}; install bubblewrap)`);
  }
}

function limitsFor(options: ToolRun): Limits {
  // A program's threads share the CPU clock, so CPU time may pass wall time: allow twice the timeout.
  const cpuSeconds = Math.max(1, Math.ceil((2 * options.timeoutMs) / 1000));
  return { ...DEFAULT_LIMITS, cpuSeconds, ...options.limits };
}

export function createRunner(status: SandboxStatus): Runner {
  // A folder is handed to the sandbox's user once, before its first program: after that only
  // sandboxed programs write there, and what they leave (symlinks, links) is not touched as root.
  const handedOver = new Set<string>();
  return async (command, args, options) => {
    const limits = limitsFor(options);
    if (status.active) {
      if (isRoot() && options.workDir && !handedOver.has(options.workDir)) {
        handOver(options.workDir);
        handedOver.add(options.workDir);
      }
      const argv = sandboxArgv(status.mode, { command, args, workDir: options.workDir, env: options.env, limits });
      return run(argv[0]!, argv.slice(1), { timeoutMs: options.timeoutMs, input: options.input });
    }
    if (options.needsSandbox) throw new NotRunError(status.reason);
    const home = options.workDir ?? os.tmpdir();
    const env = { PATH: SANDBOX_PATH, HOME: home, LANG: 'C.UTF-8', ...options.env };
    // The process limit is left out here: outside a user namespace it counts all of this user's processes.
    const prefix = fs.existsSync(limitArgs(limits)[0]!) ? limitArgs(limits, false) : [];
    const argv = [...prefix, command, ...args];
    return run(argv[0]!, argv.slice(1), { cwd: options.workDir, env, timeoutMs: options.timeoutMs, input: options.input });
  };
}
