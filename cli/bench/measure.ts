// Runs one build and measures it from outside: wall time, peak memory of the whole process tree
// (npm, Node, Astro…), and what it wrote.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Run {
  code: number | null;
  output: string;
  seconds: number;
  /** Highest sum of VmRSS over the process and all its descendants, sampled every 100 ms. */
  peakBytes: number;
  /** User + system CPU time of the whole tree: less disturbed than wall time by other load. */
  cpuSeconds: number;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time of this process's children that have exited and been waited for, and of theirs. */
function childrenCpu(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond; // cutime + cstime
}

/** Children of a process, from every thread's `children` list (the thread that forked holds it). */
function childrenOf(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return []; // exited meanwhile
  }
}

/** Sum of VmRSS over `rootPid` and its descendants (pages shared between processes count in each). */
function treeRss(rootPid: number): number {
  let kib = 0;
  for (const queue = [rootPid]; queue.length > 0; ) {
    const pid = queue.pop()!;
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
    queue.push(...childrenOf(pid));
  }
  return kib * 1024;
}

/** Runs the command, keeping its output in memory and in `options.log` (readable while it runs). */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<Run> {
  return new Promise((resolve) => {
    const [started, cpuBefore] = [performance.now(), childrenCpu()];
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let [output, peakBytes] = ['', 0];
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        output += chunk;
        fs.appendFileSync(options.log, chunk);
      });
    }
    const timer = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 100);
    child.on('error', (error) => (output += `\nspawn failed: ${error.message}`));
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, output, seconds: (performance.now() - started) / 1000, peakBytes, cpuSeconds: childrenCpu() - cpuBefore });
    });
  });
}

export interface FileCount {
  total: number;
  bytes: number;
  pages: number;
  searchIndex: number;
  previews: number;
  localGraph: number;
  other: number;
}

/** What a site folder holds: HTML pages, search index files, per-note JSON, everything else. */
export function countFiles(dir: string): FileCount {
  const count: FileCount = { total: 0, bytes: 0, pages: 0, searchIndex: 0, previews: 0, localGraph: 0, other: 0 };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    const top = file.split(path.sep)[0];
    count.total++;
    count.bytes += fs.statSync(path.join(dir, file)).size;
    if (top === 'search-index' || top === 'search-index.json') count.searchIndex++;
    else if (file.endsWith('.html')) count.pages++;
    else if (top === 'previews') count.previews++;
    else if (top === 'local-graph') count.localGraph++;
    else count.other++;
  }
  return count;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;
