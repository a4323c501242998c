import { Worker } from 'node:worker_threads';
import type { IndexFiles, IndexJob } from './index-job';

/**
 * In `astro build` the search index is made in a worker thread (index-worker.mjs) while the pages
 * render, and the integration writes its files when the build is done (index.ts): on two cores
 * that takes the index's few seconds per thousand notes off the build's wall time. The pages'
 * code (bundled by Astro) reaches the integration's thread through this one global: Astro loads
 * the two as separate copies of every module.
 */
export interface IndexThread {
  /** Starts the index on the first call; every call gets the same files. */
  start(job: IndexJob): Promise<IndexFiles>;
}

/** What the integration gets: the files, and how long the worker took to make them. */
export interface ThreadResult {
  files: IndexFiles;
  seconds: number;
}

const KEY = Symbol.for('notes-kb.search-index-thread');

export const indexThread = (): IndexThread | undefined => (globalThis as Record<symbol, IndexThread | undefined>)[KEY];

export function openIndexThread(): { thread: IndexThread; result: () => Promise<ThreadResult> | undefined; close: () => void } {
  let running: Promise<ThreadResult> | undefined;
  const thread: IndexThread = { start: (job) => (running ??= inWorker(job)).then((result) => result.files) };
  (globalThis as Record<symbol, IndexThread | undefined>)[KEY] = thread;
  return {
    thread,
    result: () => running,
    close: () => {
      delete (globalThis as Record<symbol, IndexThread | undefined>)[KEY];
    },
  };
}

function inWorker(job: IndexJob): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.mjs', import.meta.url), { workerData: job });
    worker.once('message', (message: { files: [string, string][]; seconds: number } | { error: string }) => {
      if ('error' in message) reject(new Error(`search index: ${message.error}`));
      else resolve({ files: new Map(message.files), seconds: message.seconds });
      // Its one job is done; a loader it registered must not keep the build's process alive.
      void worker.terminate();
    });
    worker.once('error', (error) => reject(new Error(`search index: the worker failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`search index: the worker exited (${code}) without an index`)));
  });
}
