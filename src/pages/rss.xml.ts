import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../lib/i18n';
import { siteData } from '../corpus/site-data';
import { isHub } from '../corpus/note-id';
import { noteUrl } from '../lib/urls';

export const GET: APIRoute = async ({ site }) => {
  const { notes, updated, byRecency, tagById } = await siteData();
  return rss({
    title: t.siteName,
    description: t.siteTagline,
    site: site ?? 'https://notes.example.com',
    items: notes
      .filter((note) => !isHub(note.id))
      .sort(byRecency)
      .map((note) => ({
        title: note.data.title,
        description: note.data.description,
        pubDate: updated.get(note.id) ?? note.data.date,
        link: noteUrl(note.id),
        // Readers see tag names (`垃圾回收`), not ids (`gc`).
        categories: note.data.tags.map((id) => tagById.get(id)?.name ?? id),
      })),
    customData: `<language>zh-cn</language>`,
  });
};
