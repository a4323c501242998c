import { groupFileRoute } from '../../corpus/group-files';

/**
 * What link previews show, a group of notes to a file (`previews/kafka-0.json`: note id →
 * title, description, opening text). Pages list only which links have one and in which file; the
 * file is fetched on the first hover and serves every note in it.
 */
export const { getStaticPaths, GET } = groupFileRoute((ids, { noteById, corpusNotes }) =>
  Object.fromEntries(
    ids.map((id) => {
      const note = noteById.get(id)!;
      return [id, { title: note.data.title, description: note.data.description, excerpt: corpusNotes.get(id)?.excerpt ?? '' }];
    }),
  ),
);
