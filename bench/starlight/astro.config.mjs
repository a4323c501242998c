// @ts-check
// A plain Starlight site over the notes `npm run bench -- --vs-starlight` writes to src/content/docs/:
// one sidebar group per topic folder, Chinese as the only locale (Pagefind then segments it).
import fs from 'node:fs';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

const docs = new URL('./src/content/docs/', import.meta.url);
const topics = fs.existsSync(docs)
  ? fs.readdirSync(docs, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  : [];

export default defineConfig({
  site: 'https://notes.example.com',
  integrations: [
    starlight({
      title: '笔记库',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      sidebar: topics.map((topic) => ({ label: topic, collapsed: true, items: [{ autogenerate: { directory: topic } }] })),
    }),
  ],
});
