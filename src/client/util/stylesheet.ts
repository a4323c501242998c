/**
 * Adds a stylesheet once and resolves when it has loaded. Search and graph styles come with their
 * code this way: importing CSS from a lazily loaded module would make Astro link it on every page.
 */
const loading = new Map<string, Promise<void>>();

export function loadStylesheet(href: string): Promise<void> {
  let done = loading.get(href);
  if (!done) {
    done = new Promise((resolve) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      link.addEventListener('load', () => resolve(), { once: true });
      // A failed stylesheet leaves the feature unstyled, not broken.
      link.addEventListener('error', () => resolve(), { once: true });
      document.head.append(link);
    });
    loading.set(href, done);
  }
  return done;
}
