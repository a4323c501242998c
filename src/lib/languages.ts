/** Fence languages whose blocks are terminal sessions: `$ ` lines are commands, the rest output. */
export const SESSION_LANGUAGES: ReadonlySet<string> = new Set(['console', 'shellsession']);
