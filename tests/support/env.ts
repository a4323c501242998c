/** Variables Vitest adds to process.env; a plain `npm run build` or `npm run dev` from a shell has none of them. */
const TEST_RUNNER_ENV = ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'FORCE_TTY', 'COLOR'];

/** The environment a command would get from an author's shell, plus `extra`. */
export function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (TEST_RUNNER_ENV.includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return Object.assign(env, extra);
}
