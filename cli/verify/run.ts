import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string | undefined;
  timeoutMs?: number | undefined;
  input?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

/** Output kept per stream: enough for any tool's report, bounded against a program that floods it. */
const OUTPUT_LIMIT = 4 * 1024 * 1024;

/**
 * Runs a program without a shell; never throws for a non-zero exit (a missing program gives code 127).
 * The program leads its own process group, and at the timeout the whole group is killed, not just
 * the program: a child it forked cannot outlive the check.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += chunk.toString('utf8');
    });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killGroup();
        }, options.timeoutMs)
      : undefined;
    const finish = (result: Omit<RunResult, 'timedOut'>) => {
      if (timer) clearTimeout(timer);
      // Whatever the program left behind in its group goes with it.
      killGroup();
      resolve({ ...result, timedOut });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ code: error.code === 'ENOENT' ? 127 : 126, stdout, stderr: stderr + String(error.message) });
    });
    // A child left holding the pipes would delay 'close' forever: end the group when the program ends.
    child.on('exit', killGroup);
    child.on('close', (code) => finish({ code, stdout, stderr }));
    child.stdin.on('error', () => {
      // The program may exit before reading its input.
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Where a program is on `searchPath` (default: this process's PATH), or undefined. */
export function which(command: string, searchPath = process.env['PATH'] ?? ''): string | undefined {
  if (command.includes('/')) return fs.existsSync(command) ? command : undefined;
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
