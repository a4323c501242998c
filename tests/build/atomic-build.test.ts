/**
 * `npm run build` replaces OUT_DIR only when Astro (search index included) succeeds: a late failure, an
 * interrupt or a second concurrent build leaves the previous site byte for byte as it was.
 * The sites live under tests/.tmp/ (inside the repository) so that each build keeps Astro's
 * server bundle in its own output folder rather than in the shared .astro/ fallback (which a build
 * outside the project locks).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, BuildLockedError } from '../../cli/build/lock.ts';
import { recover, staging } from '../../cli/build/staging.ts';

const BUILD_TIMEOUT = 600_000; // a loaded two-core machine; nothing here asserts a duration
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = path.join(repoRoot, 'tests', 'fixtures', 'content');
fs.mkdirSync(path.join(repoRoot, 'tests', '.tmp'), { recursive: true });
const root = fs.mkdtempSync(path.join(repoRoot, 'tests', '.tmp', 'atomic-'));
const content = path.join(root, 'content');
const out = path.join(root, 'dist');
const lockFile = `${out}.lock`;

/** Variables Vitest adds to process.env; a plain `npm run build` from a shell has none of them. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: content, OUT_DIR: out };
  for (const key of Object.keys(env)) {
    if (['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

function build(): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, env: buildEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: plain(`${run.stdout}\n${run.stderr}`) };
}

/** `npm run build` in its own process group, so a signal can reach every process of it. */
function startBuild(): { child: ChildProcess; output: () => string; closed: Promise<unknown> } {
  const child = spawn('npm', ['run', 'build'], { cwd: repoRoot, env: buildEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk));
  // 'close' waits for every process holding the pipes: npm, the builder and its steps.
  return { child, output: () => plain(output), closed: once(child, 'close') };
}

/** Polls until `ready()` holds; fails with the build's output if the build ends first. */
async function until(ready: () => boolean, build: { child: ChildProcess; output: () => string }): Promise<void> {
  while (!ready()) {
    if (build.child.exitCode !== null) throw new Error(`the build ended before the step under test:\n${build.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** sha256 of every file under dir, by relative path. */
function hashes(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')];
  }));
}

/** What a build leaves next to OUT_DIR while it runs: none of it may outlive the build. */
const leftovers = () => fs.readdirSync(root).filter((name) => name !== 'content' && name !== 'dist');
const tempFolder = () => fs.readdirSync(root).some((name) => /^dist\.tmp-\d+$/.test(name));
/** The pid in the lock file: the running builder's. */
const lockHolder = () => (fs.existsSync(lockFile) ? Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10) : undefined);
/** Processes of a process group that still run (an exited child waiting to be reaped does not count). */
function stillRunning(group: number): string[] {
  return fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === group && state !== 'Z' ? [stat.slice(0, stat.lastIndexOf(')') + 1)] : [];
    } catch {
      return []; // exited meanwhile
    }
  });
}

let previous: Map<string, string>;

beforeAll(() => {
  fs.cpSync(fixture, content, { recursive: true });
  const first = build();
  expect(first.status, first.output).toBe(0);
  previous = hashes(out);
}, BUILD_TIMEOUT);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  // The content cache astro.config.mjs keeps per OUT_DIR.
  fs.rmSync(path.join(repoRoot, 'node_modules', '.astro', out.replace(/[^\w-]+/g, '_')), { recursive: true, force: true });
});

describe('npm run build replaces the site only when it succeeds', { sequential: true }, () => {
  it('the first build published a whole site with its search index', () => {
    expect(previous.has('index.html')).toBe(true);
    expect(previous.has(path.join('beta', 'links', 'index.html'))).toBe(true);
    expect(previous.has('search-index.json')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('a build that fails late (a topic folder missing from topics.yaml) leaves the previous site byte for byte', () => {
    const stray = path.join(content, 'notes', 'gamma', 'stray.md');
    fs.mkdirSync(path.dirname(stray));
    fs.writeFileSync(stray, ['---', 'title: 游离', 'description: 不在任何专题里。', 'tags: [links]', 'date: 2026-03-01', '---', '', '正文。', ''].join('\n'));
    try {
      const result = build();
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('gamma → gamma (folder is not a topic in topics.yaml)');
      expect(result.output).toContain(`build: failed; ${out} is unchanged`);
    } finally {
      fs.rmSync(path.dirname(stray), { recursive: true });
    }
    expect(hashes(out)).toEqual(previous);
    expect(leftovers()).toEqual([]);
  }, BUILD_TIMEOUT);

  it('Ctrl-C (SIGINT to the process group) mid-build leaves the previous site, no temp folder and no process', async () => {
    const started = startBuild();
    await until(tempFolder, started); // Astro has started writing the new site
    process.kill(-started.child.pid!, 'SIGINT');
    await started.closed;
    expect(started.output()).toMatch(/build: SIGINT: stopping/);
    expect(stillRunning(started.child.pid!)).toEqual([]);
    expect(hashes(out)).toEqual(previous);
    expect(leftovers()).toEqual([]);
  }, BUILD_TIMEOUT);

  it('SIGTERM to the builder alone stops its Astro step too, exits 143 and leaves the previous site', async () => {
    const started = startBuild();
    await until(tempFolder, started);
    process.kill(lockHolder()!, 'SIGTERM');
    await started.closed;
    expect(started.child.exitCode).toBe(143);
    expect(started.output()).toMatch(/build: SIGTERM: stopping/);
    expect(stillRunning(started.child.pid!)).toEqual([]);
    expect(hashes(out)).toEqual(previous);
    expect(leftovers()).toEqual([]);
  }, BUILD_TIMEOUT);
});

describe('one build at a time per output folder', { sequential: true }, () => {
  let first: ReturnType<typeof startBuild>;
  let second: { status: number | null; output: string };
  let firstPid: number | undefined;

  beforeAll(async () => {
    // What a build killed with -9 leaves: its lock and its half-written temp folder.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockFile, `${dead.stdout}\n`);
    fs.mkdirSync(`${out}.tmp-${dead.stdout}`);
    fs.writeFileSync(`${out}.tmp-${dead.stdout}/index.html`, 'half written');
    // A visible change, so the test can tell the first build's site from the previous one.
    const gfm = path.join(content, 'notes', 'alpha', 'gfm.md');
    fs.writeFileSync(gfm, fs.readFileSync(gfm, 'utf8').replace(/^title: .*$/m, 'title: 并发构建之后的标题'));

    first = startBuild();
    await until(() => ![undefined, Number(dead.stdout)].includes(lockHolder()), first); // taken over
    firstPid = lockHolder();
    second = build();
    await first.closed;
  }, BUILD_TIMEOUT);

  it('a lock left by a build that is gone is taken over, and its temp folder removed', () => {
    expect(first.output()).toMatch(/build: removed \S+dist\.tmp-\d+, left by a build that was stopped/);
  });

  it('a second build in the same folder stops at once, naming the running build', () => {
    expect(second.status).toBe(1);
    expect(second.output).toContain(`build: another build (pid ${firstPid}) is writing ${out}`);
    expect(second.output).not.toContain('node-version-check'); // Astro never started
  });

  it('the first build finishes and publishes its site', () => {
    expect(first.child.exitCode, first.output()).toBe(0);
    expect(fs.readFileSync(path.join(out, 'alpha', 'gfm', 'index.html'), 'utf8')).toContain('并发构建之后的标题');
    expect(hashes(out)).not.toEqual(previous);
    expect(leftovers()).toEqual([]);
  });
});

describe('the lock and the leftovers of killed builds, without building', () => {
  // Outside `root`: this block's folders must not count as leftovers of the builds above.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const site = path.join(dir, 'site');
  const lock = `${site}.lock`;

  it('refuses a lock held by a live process, naming it, and takes over one whose pid now belongs to another process', () => {
    fs.writeFileSync(lock, `${process.ppid}\n`);
    expect(() => acquireLock(lock, site)).toThrow(new BuildLockedError(`another build (pid ${process.ppid}) is writing ${site} (lock file ${lock}). Wait for it to finish or stop it; a lock whose process is gone is taken over automatically.`));
    // Same pid, different start time: the builder that wrote it is gone and the pid was reused.
    fs.writeFileSync(lock, `${process.ppid} 1\n`);
    const release = acquireLock(lock, site);
    expect(Number.parseInt(fs.readFileSync(lock, 'utf8'), 10)).toBe(process.pid);
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a build whose OUT_DIR is outside the project stops at once while another such build holds .astro/, naming it', () => {
    // Astro bundles every such build in the project's .astro/, so two at once would break each other.
    const shared = path.join(repoRoot, '.astro');
    fs.mkdirSync(shared, { recursive: true });
    const release = acquireLock(path.join(shared, 'outside-build.lock'), shared);
    try {
      const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, env: { ...buildEnv(), OUT_DIR: site }, encoding: 'utf8' });
      const output = plain(`${run.stdout}\n${run.stderr}`);
      expect(run.status, output).toBe(1);
      expect(output).toContain(`build: another build (pid ${process.pid}) is writing ${shared} (where Astro bundles every build whose OUT_DIR is outside the project)`);
      expect(output).not.toContain('node-version-check'); // Astro never started
      expect(fs.existsSync(lock), 'its own lock is released').toBe(false);
    } finally {
      release();
    }
  });

  it('restores the previous site when a build was killed between its two renames, and removes temp folders', () => {
    fs.mkdirSync(`${site}.old-123`);
    fs.writeFileSync(`${site}.old-123/index.html`, 'previous');
    fs.mkdirSync(`${site}.tmp-456`);
    const said: string[] = [];
    recover(staging(site), (line) => said.push(line));
    expect(fs.readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir)).toEqual(['site']);
    expect(said).toEqual([
      `restored the previous site from ${site}.old-123 (a build was stopped while swapping it)`,
      `removed ${site}.tmp-456, left by a build that was stopped`,
    ]);
  });
});
