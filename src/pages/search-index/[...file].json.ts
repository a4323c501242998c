import type { APIRoute, GetStaticPaths } from 'astro';
import { INDEX_DIR } from '../../lib/search/format';
import { indexWrittenApart, searchIndex } from '../../integrations/search/index-files';

/**
 * The versioned files of the search index (src/lib/search/format.ts): `search-index/<version>/…`.
 * In a build they are written apart (index-files.ts): asking for them here, before any page
 * renders, starts the index early; its errors surface where search-index.json awaits it.
 */
export const getStaticPaths = (async () => {
  if (indexWrittenApart()) {
    searchIndex().catch(() => {});
    return [];
  }
  const files = await searchIndex();
  return [...files]
    .filter(([path]) => path.startsWith(`${INDEX_DIR}/`))
    .map(([path, body]) => ({ params: { file: path.slice(INDEX_DIR.length + 1).replace(/\.json$/, '') }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
