/** Set in astro.config.mjs: true only under `astro dev`. */
declare const __SHOW_DRAFTS__: boolean;
/** Set by the search integration: where a build keeps the notes' search passages for the next one ('' in dev). */
declare const __SEARCH_PASSAGES_CACHE__: string;
