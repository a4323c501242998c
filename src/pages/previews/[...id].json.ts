import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../corpus/site-data';

/**
 * One small file per note, `previews/kafka/replication.json`: what a link preview shows. Pages
 * list only which links have one; the text is fetched on the first hover, so it costs a page
 * nothing up front and is cached for every page that links to the same note.
 */
export const getStaticPaths = (async () => {
  const { notes } = await siteData();
  return notes.map((note) => ({ params: { id: note.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { noteById, corpusNotes } = await siteData();
  const note = noteById.get(params['id'] ?? '');
  if (!note) return new Response(null, { status: 404 });
  const preview = { title: note.data.title, description: note.data.description, excerpt: corpusNotes.get(note.id)?.excerpt ?? '' };
  return new Response(JSON.stringify(preview), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
