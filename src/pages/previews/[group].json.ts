import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../corpus/site-data';

/**
 * What link previews show, a group of notes to a file (`previews/kafka-0.json`: note id →
 * title, description, opening text; see corpus/note-groups.ts). Pages list only which links have
 * one and in which file; the file is fetched on the first hover and serves every note in it.
 */
export const getStaticPaths = (async () => {
  const { groups } = await siteData();
  return [...groups.keys()].map((group) => ({ params: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { groups, noteById, corpusNotes } = await siteData();
  const previews = Object.fromEntries(
    (groups.get(params['group'] ?? '') ?? []).map((id) => {
      const note = noteById.get(id)!;
      return [id, { title: note.data.title, description: note.data.description, excerpt: corpusNotes.get(id)?.excerpt ?? '' }];
    }),
  );
  return new Response(JSON.stringify(previews), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
