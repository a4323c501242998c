import type { AstroIntegrationLogger } from 'astro';

const MINIMUM = [22, 12] as const;

/**
 * Prints which Node runs the build and stops it on one that is too old: running
 * `node_modules/.bin/astro` by hand uses the system Node instead of the pinned one.
 */
export function checkNodeVersion(logger: AstroIntegrationLogger): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  logger.info(`Node ${process.version} (${process.execPath})`);
  if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
    throw new Error(
      `Node ${process.version} is too old (needs >= ${MINIMUM.join('.')}). ` +
        'Run the build through npm (`npm run build`), which uses the Node pinned in package.json.',
    );
  }
}
