import type { APIRoute } from 'astro';
import { graphData } from '../corpus/graph-data';
import { siteData } from '../corpus/site-data';
import { noteUrl } from '../lib/urls';

/** The whole note map for the graph page: `{ nodes: [{ id, title, topic, url }], edges: [{ source, target }] }`. */
export const GET: APIRoute = async () => {
  const { notes, graph } = await siteData();
  const ordered = [...notes].sort((a, b) => a.id.localeCompare(b.id)).map((note) => ({ id: note.id, title: note.data.title }));
  return new Response(JSON.stringify(graphData(graph, ordered, noteUrl)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
