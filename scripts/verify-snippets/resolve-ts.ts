/**
 * Loaded with `node --import`: lets Node's native TypeScript run the site's modules, whose relative
 * imports leave out the `.ts` extension (Vite resolves those; Node alone does not).
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
});
