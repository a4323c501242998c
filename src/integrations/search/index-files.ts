import { topicOf } from '../../corpus/note-id';
import { noteContent } from '../../corpus/note-html';
import { siteData } from '../../corpus/site-data';
import { notePath } from '../../lib/paths';
import { buildSearchIndex, type BuiltIndex } from './build-index';
import { openPassageCache } from './extract';
import { foldTable } from './folding';
import { readSynonyms } from './synonyms';

/**
 * The search index of this build, made once from the notes as the site shows them (rendered
 * HTML, title, description, topic and tag names) and shared by every file the route writes.
 */
let built: Promise<BuiltIndex> | undefined;

export function searchIndex(): Promise<BuiltIndex> {
  built ??= (async () => {
    const { notes, topicById, tagById } = await siteData();
    const pages = [...notes]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((note) => {
        const topicId = topicOf(note.id);
        return {
          path: notePath('/', note.id).slice(1),
          title: note.data.title,
          description: note.data.description,
          topic: topicById.get(topicId)?.name ?? topicId,
          tags: note.data.tags.map((tag) => tagById.get(tag)?.name ?? tag),
          html: noteContent(note).html,
        };
      });
    const cache = openPassageCache(__SEARCH_PASSAGES_CACHE__);
    const index = buildSearchIndex(pages, { synonyms: readSynonyms(), foldTable, passages: cache.passages });
    cache.save();
    return index;
  })();
  return built;
}
