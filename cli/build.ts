// npm run build: Astro builds the site, search index included (src/integrations/search/), into a
// temporary folder next to OUT_DIR, and only then does it replace OUT_DIR. A failed or interrupted build leaves the previous
// site as it was; a lock keeps two builds from writing the same folder.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { acquireLock, BuildLockedError } from './build/lock.ts';
import { discard, publish, recover, staging } from './build/staging.ts';

const log = (line: string) => console.log(`build: ${line}`);
const outDir = process.env.OUT_DIR || 'dist';
const stage = staging(outDir);
let step: ChildProcess | undefined;
let release = () => {};
let stopping = false;

/** Runs one step of the build as a child process; resolves when it exits with 0. */
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    step = spawn(command, args, { stdio: 'inherit', env });
    step.on('error', (error) => reject(new Error(`${name} could not start: ${error.message}`)));
    step.on('exit', (code, signal) => {
      if (code === 0) {
        log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(signal ? `${name} was stopped by ${signal}` : `${name} failed (exit ${code})`));
    });
  });
}

/**
 * V8 lets the heap grow to several times what is live before it collects in full; on a large site
 * that slack, not the live data, set the build's peak memory. Growing by at most 30 % costs a few
 * more collections, which run beside the build on another core.
 */
const HEAP_FLAGS = ['--heap-growing-percent=30'];

/** `astro build` into the temp folder; the content cache stays keyed to the final OUT_DIR. */
function buildWithAstro(): Promise<void> {
  const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const env = { ...process.env, OUT_DIR: stage.temp, NOTES_CACHE_KEY: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  return run('astro build', process.execPath, [...HEAP_FLAGS, astroBin, 'build'], env);
}

/** Ctrl-C or a `kill`: stop the running step, remove the temp folder, leave OUT_DIR alone. */
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping; ${stage.final} is left as it was`);
  const finish = () => {
    discard(stage);
    release();
    process.exit(128 + os.constants.signals[signal]);
  };
  // The step must have exited before its folder is removed, or it could write into it again.
  if (step && step.exitCode === null && step.signalCode === null) {
    step.once('exit', finish);
    step.kill(signal);
  } else finish();
}

/**
 * Astro keeps the server bundle of a build whose output folder is outside the project in the
 * project's `.astro/` instead, one folder for all such builds: two at once would delete each
 * other's bundle mid-build. Those builds take a second lock, on that folder.
 */
function sharedServerBundle(): string | undefined {
  return stage.temp.startsWith(process.cwd()) ? undefined : path.join(process.cwd(), '.astro');
}

function acquireLocks(): () => void {
  const releaseOut = acquireLock(`${stage.final}.lock`, stage.final);
  const shared = sharedServerBundle();
  if (!shared) return releaseOut;
  try {
    fs.mkdirSync(shared, { recursive: true });
    const releaseShared = acquireLock(path.join(shared, 'outside-build.lock'), `${shared} (where Astro bundles every build whose OUT_DIR is outside the project)`);
    return () => {
      releaseShared();
      releaseOut();
    };
  } catch (error) {
    releaseOut();
    throw error;
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(path.dirname(stage.final), { recursive: true });
  try {
    release = acquireLocks();
  } catch (error) {
    if (!(error instanceof BuildLockedError)) throw error;
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  recover(stage, log);
  log(`building into ${stage.temp}; ${stage.final} is replaced only when the build and its search index succeed`);
  await buildWithAstro();
  publish(stage);
  release();
  log(`published ${stage.final}`);
}

main().catch((error: unknown) => {
  if (stopping) return; // stop() cleans up and exits with the signal's code
  discard(stage);
  release();
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`build: failed; ${stage.final} is unchanged`);
  process.exit(1);
});
