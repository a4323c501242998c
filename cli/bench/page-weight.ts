// What a first visit to one note page downloads: its HTML plus the CSS and JS it links, gzip -9 each.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  html: number;
  inlineScripts: number;
  assets: { kind: 'CSS' | 'JS'; href: string; gz: number; external: boolean }[];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

export function pageWeight(outDir: string, urlPath: string): PageWeight {
  const html = fs.readFileSync(path.join(outDir, urlPath, 'index.html'));
  const text = html.toString('utf8');
  const refs = new Map<string, 'CSS' | 'JS'>(); // a modulepreload and its <script src> are one download
  for (const tag of text.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = rel.includes('stylesheet') || rel.includes('modulepreload') ? attr(tag, 'href') : /^<script/i.test(tag) ? attr(tag, 'src') : undefined;
    if (href) refs.set(href, rel.includes('stylesheet') ? 'CSS' : 'JS');
  }
  const assets = [...refs].map(([href, kind]) => {
    const url = new URL(href, `http://bench.invalid${urlPath}`); // base is `/`, so a URL path is a path in the out dir
    if (url.origin !== 'http://bench.invalid') return { kind, href, gz: 0, external: true };
    return { kind, href, gz: gz(fs.readFileSync(path.join(outDir, decodeURIComponent(url.pathname)))), external: false };
  });
  return { html: gz(html), assets, inlineScripts: (text.match(/<script\b(?![^>]*\ssrc=)[^>]*>/gi) ?? []).length };
}
