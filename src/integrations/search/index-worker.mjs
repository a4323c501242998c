// The search index of a build, made apart from the pages' thread (index-thread.ts). The job's
// modules are TypeScript, loaded through tsx as the rest of the build's tooling is.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

try {
  const started = performance.now();
  const { runIndexJob } = await tsImport('./index-job.ts', import.meta.url);
  const files = [...runIndexJob(workerData)];
  parentPort.postMessage({ files, seconds: (performance.now() - started) / 1000 });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
