/** Set in astro.config.mjs: true only under `astro dev`. */
declare const __SHOW_DRAFTS__: boolean;
