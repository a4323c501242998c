import { createRequire } from 'node:module';

/**
 * The command that indexes a built site: Pagefind's Extended binary (the build that segments
 * Chinese), run directly rather than through the `pagefind` npm wrapper, which only starts it.
 *
 * Pagefind's Node API (`createIndex`/`addDirectory`/`writeFiles`) drives the same binary as a
 * service; on the 1,000-note bench corpus it used about 20 % more CPU time than the CLI for the same
 * bytes (its `writeFiles` builds the index twice, as its verbose log shows), so the build runs the CLI.
 */
export function searchIndexCommand(siteDir: string): { command: string; args: string[] } {
  const platformPackage = `@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const executable = `pagefind_extended${process.platform === 'win32' ? '.exe' : ''}`;
  // The platform package is an optional dependency of `pagefind`, so it is resolved from there.
  const fromPagefind = createRequire(import.meta.resolve('pagefind'));
  let command = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (!command) {
    try {
      command = fromPagefind.resolve(`${platformPackage}/bin/${executable}`);
    } catch {
      throw new Error(`Pagefind's Extended build (Chinese word segmentation) is missing: ${platformPackage} has no ${executable}. Run \`npm ci\`.`);
    }
  }
  return { command, args: ['--site', siteDir] };
}
