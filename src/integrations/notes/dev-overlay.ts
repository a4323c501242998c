import type { HookParameters } from 'astro';
import { corpusModel, type CorpusOptions } from '../../corpus/cache';
import { findContentProblems, formatContentProblems, problemCount } from '../../corpus/checks/index';

type ServerSetup = HookParameters<'astro:server:setup'>;

/**
 * In `astro dev` a broken note shows in the browser, not only in the terminal: after every change
 * under the notes folder the content check runs again, and its report goes to Vite's error overlay
 * in every open page (and to each page that connects while it is broken). Fixing the note clears it.
 */
export function showContentProblemsInBrowser(options: CorpusOptions, { server, logger }: Pick<ServerSetup, 'server' | 'logger'>): void {
  let report = '';
  const recheck = () => {
    const problems = findContentProblems(corpusModel(options).corpus, options.includeDrafts);
    const next = problemCount(problems) > 0 ? formatContentProblems(problems) : '';
    if (next === report) return;
    report = next;
    if (report) {
      logger.warn(report);
      send();
    } else {
      logger.info('content checked: the problems are fixed');
      server.ws.send({ type: 'full-reload' });
    }
  };
  const send = () => server.ws.send({ type: 'error', err: { message: `Content problems:\n\n${report}`, stack: '', plugin: 'notes:content-check' } });
  const underNotes = (file: string) => file.startsWith(options.notesDir);
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    server.watcher.on(event, (file: string) => {
      if (underNotes(file)) recheck();
    });
  }
  server.ws.on('connection', () => {
    if (report) setTimeout(send, 200);
  });
  recheck();
}
