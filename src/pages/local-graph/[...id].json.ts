import type { APIRoute, GetStaticPaths } from 'astro';
import { localGraphData } from '../../corpus/graph-data';
import { siteData } from '../../corpus/site-data';
import { noteUrl } from '../../lib/urls';

/**
 * One small file per note, `local-graph/kafka/replication.json`: the note and its neighbours for
 * the local graph. Fetched when the reader opens the map, so a page that keeps it closed pays nothing.
 */
export const getStaticPaths = (async () => {
  const { notes } = await siteData();
  return notes.map((note) => ({ params: { id: note.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { graph, noteById } = await siteData();
  const id = params['id'] ?? '';
  if (!noteById.has(id)) return new Response(null, { status: 404 });
  const data = localGraphData(graph, id, (other) => noteById.get(other)?.data.title, noteUrl);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
