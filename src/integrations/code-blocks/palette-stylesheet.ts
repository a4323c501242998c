import type { AstroIntegration } from 'astro';
import type { CodePalette } from './palette';

const MODULE_ID = 'virtual:notes/code-palette.css';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Serves the code palette (Shiki's token colours as classes) as a virtual stylesheet imported by
 * every page, so Astro bundles it into /_astro/ like any other CSS: no inline style, nothing to hash.
 */
export function codePaletteStylesheet(palette: CodePalette): AstroIntegration {
  return {
    name: 'code-palette',
    hooks: {
      'astro:config:setup': ({ updateConfig, injectScript, logger }) => {
        // Astro warns that Shiki's inline styles clash with the CSP; here they become classes instead.
        logger.info(`Shiki's inline styles become ${palette.classes.size} classes (src/integrations/code-blocks/palette.ts): the CSP warning does not apply`);
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
      },
    },
  };
}
