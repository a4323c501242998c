import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData, type SiteData } from './site-data';

/**
 * A route that writes one JSON file per group of notes (note-groups.ts), such as
 * `previews/kafka-0.json`: the paths are the groups, and each file is what `content` makes of
 * its group's note ids.
 */
export function groupFileRoute(content: (ids: readonly string[], data: SiteData) => unknown): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => [...(await siteData()).groups.keys()].map((group) => ({ params: { group } })),
    GET: async ({ params }) => {
      const data = await siteData();
      const body = JSON.stringify(content(data.groups.get(params['group'] ?? '') ?? [], data));
      return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    },
  };
}
