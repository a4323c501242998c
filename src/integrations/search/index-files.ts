import { topicOf } from '../../corpus/note-id';
import { noteContent, noteHtmlFile } from '../../corpus/note-html';
import { siteData } from '../../corpus/site-data';
import { notePath } from '../../lib/paths';
import { runIndexJob, type IndexFiles, type IndexJob } from './index-job';
import { indexThread } from './index-thread';
import { readSynonyms } from './synonyms';

/**
 * The search index of this build, made once from the notes as the site shows them (rendered
 * HTML, title, description, topic and tag names) and shared by every file the routes write. In
 * `astro build` a worker thread makes it while the pages render and the integration writes the
 * versioned files (index-thread.ts); `astro dev` makes it here and serves every file as a route.
 */
let built: Promise<IndexFiles> | undefined;

export function searchIndex(): Promise<IndexFiles> {
  built ??= (async () => {
    const job = await indexJob();
    const thread = indexThread();
    return thread ? thread.start(job) : runIndexJob(job);
  })();
  return built;
}

/** Whether the versioned files are written by the integration rather than served as routes. */
export const indexWrittenApart = () => indexThread() !== undefined;

async function indexJob(): Promise<IndexJob> {
  const { notes, topicById, tagById } = await siteData();
  const pages = [...notes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((note) => {
      const topicId = topicOf(note.id);
      const htmlFile = noteHtmlFile(note);
      return {
        path: notePath('/', note.id).slice(1),
        title: note.data.title,
        description: note.data.description,
        topic: topicById.get(topicId)?.name ?? topicId,
        tags: note.data.tags.map((tag) => tagById.get(tag)?.name ?? tag),
        ...(htmlFile ? { htmlFile, note: note.filePath ?? note.id } : { html: noteContent(note).html }),
      };
    });
  return { pages, synonyms: readSynonyms(), passageCache: __SEARCH_PASSAGES_CACHE__ };
}
