import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { hashOf } from '../lib/build-cache';

type DataEntry = Parameters<DataStore['set']>[0];

/**
 * A note's rendered HTML is kept in a file of its own, named by a hash of the HTML, beside Astro's
 * content cache; the cache entry holds only that file's path. Astro loads its whole content cache
 * into the build as one module (through its bundler too), and the HTML is three quarters of it:
 * on a 10,000-note site, bundling it took the build from 1.3 GB to a 3.3 GB peak. A page reads its
 * note's HTML when it renders.
 */
const FOLDER = 'notes-html';

interface HtmlReference {
  /** Absolute path of the file holding the entry's rendered HTML. */
  htmlFile?: string;
}

/** Wraps a loader (Astro's `glob`) so every rendered entry it stores keeps its HTML in a file. */
export function htmlApart(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}+html-apart`,
    load: async (context: LoaderContext) => {
      const dir = path.join(fileURLToPath(context.config.cacheDir), FOLDER);
      fs.mkdirSync(dir, { recursive: true });
      // An entry whose file has gone (a cleared folder, a moved project) is rendered again.
      for (const entry of context.store.values()) {
        const file = referenceOf(entry)?.htmlFile;
        if (file && !fs.existsSync(file)) context.store.delete(entry.id);
      }
      // A build writes the files in the background while notes render, and waits for them here;
      // `astro dev` writes each at once, as a page may ask for it as soon as the note changes.
      const files = new HtmlFiles(dir, { background: !context.watcher });
      await loader.load({ ...context, store: storeKeepingHtmlIn(files, context.store) });
      await files.written();
      // In a build the folder belongs to this cache alone (one per site, under a lock): files
      // no entry points at any more are old renders. `astro dev` may share it, so it keeps them.
      if (!context.watcher) {
        const kept = new Set([...context.store.values()].map((entry) => referenceOf(entry)?.htmlFile));
        for (const name of fs.readdirSync(dir)) {
          if (!kept.has(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
        }
      }
    },
  };
}

function storeKeepingHtmlIn(files: HtmlFiles, store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') {
        return (entry: DataEntry) => {
          const html = entry.rendered?.html;
          if (!entry.rendered || !html) return target.set(entry);
          const htmlFile = files.keep(html);
          return target.set({ ...entry, rendered: { html: '', metadata: { ...entry.rendered.metadata, htmlFile } } });
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The HTML files of one load, each named by a hash of its HTML. */
class HtmlFiles {
  private readonly writing = new Map<string, Promise<void>>();
  constructor(
    private readonly dir: string,
    private readonly options: { background: boolean },
  ) {}

  /** The path of the file that holds this HTML (written unless it already exists). */
  keep(html: string): string {
    const file = path.join(this.dir, `${hashOf(html)}.html`);
    if (this.writing.has(file) || fs.existsSync(file)) return file;
    // Written whole or not at all: an interrupted build leaves no half file under the final name.
    const temp = `${file}.${process.pid}.tmp`;
    if (!this.options.background) {
      fs.writeFileSync(temp, html);
      fs.renameSync(temp, file);
      return file;
    }
    const writing = fs.promises.writeFile(temp, html).then(() => fs.promises.rename(temp, file));
    // A failed write fails the load in written(), not the process before it gets there.
    writing.catch(() => {});
    this.writing.set(file, writing);
    return file;
  }

  async written(): Promise<void> {
    await Promise.all(this.writing.values());
  }
}

function referenceOf(entry: { rendered?: DataEntry['rendered'] | undefined }): HtmlReference | undefined {
  return entry.rendered?.metadata as HtmlReference | undefined;
}

/** What a page shows of a note: its rendered HTML and its headings. */
export function noteContent(entry: { id: string; filePath?: string | undefined; rendered?: DataEntry['rendered'] | undefined }): { html: string; headings: MarkdownHeading[] } {
  const metadata = entry.rendered?.metadata;
  const file = referenceOf(entry)?.htmlFile;
  const html = entry.rendered?.html || (file ? readNoteHtml(file, entry.filePath ?? entry.id) : '');
  return { html, headings: (metadata?.headings as MarkdownHeading[] | undefined) ?? [] };
}

/** Where a note's HTML is, when it is in a file of its own (not in the entry itself). */
export function noteHtmlFile(entry: { rendered?: DataEntry['rendered'] | undefined }): string | undefined {
  return entry.rendered?.html ? undefined : referenceOf(entry)?.htmlFile;
}

/** `note` names it in the error: its file path, or its id. */
export function readNoteHtml(file: string, note: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The rendered HTML of note ${note} is missing (${file}: ${(error as Error).message}); build again to render it afresh.`);
  }
}
