import type { HookParameters } from 'astro';
import type { CodePalette } from './palette';

const MODULE_ID = 'virtual:notes/code-palette.css';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Serves the code palette (Shiki's token colours as classes) as a virtual stylesheet imported by
 * every page, so Astro bundles it into /_astro/ like any other CSS: no inline style, nothing to hash.
 */
export function paletteStylesheet(palette: CodePalette, { updateConfig, injectScript }: Pick<HookParameters<'astro:config:setup'>, 'updateConfig' | 'injectScript'>): void {
  updateConfig({
    vite: {
      plugins: [
        {
          name: 'notes:code-palette',
          resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
          load: (id: string) => (id === RESOLVED_ID ? palette.css : undefined),
        },
      ],
    },
  });
  injectScript('page-ssr', `import '${MODULE_ID}';`);
}
