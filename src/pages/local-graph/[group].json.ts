import type { APIRoute, GetStaticPaths } from 'astro';
import { localGraphData } from '../../corpus/graph-data';
import { siteData } from '../../corpus/site-data';
import { noteUrl } from '../../lib/urls';

/**
 * Each note and its neighbours for the local graph, a group of notes to a file
 * (`local-graph/kafka-0.json`: note id → nodes and edges; see corpus/note-groups.ts). Fetched when
 * the reader opens the map, so a page that keeps it closed pays nothing.
 */
export const getStaticPaths = (async () => {
  const { groups } = await siteData();
  return [...groups.keys()].map((group) => ({ params: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { graph, groups, noteById } = await siteData();
  const titleOf = (other: string) => noteById.get(other)?.data.title;
  const graphs = Object.fromEntries((groups.get(params['group'] ?? '') ?? []).map((id) => [id, localGraphData(graph, id, titleOf, noteUrl)]));
  return new Response(JSON.stringify(graphs), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
