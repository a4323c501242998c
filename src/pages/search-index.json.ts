import type { APIRoute } from 'astro';
import { metaPath } from '../lib/search/format';
import { searchIndex } from '../integrations/search/index-files';

/** `search-index.json`: the search index's pages, filters and term-file directory, and its version. */
export const GET: APIRoute = async () => {
  const files = await searchIndex();
  return new Response(files.get(metaPath()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
