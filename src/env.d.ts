/// <reference types="astro/client" />

/** Written by the search integration (`src/integrations/search-index.ts`). */
declare module 'virtual:clippings/search-files' {
  /** Where the build wrote `related.json`; absent under `astro dev`. */
  export const relatedFile: string;
}

/** The site's base path ("/", "/archive/"), defined by `astro.config.ts` from the config; read it through `lib/site/paths.ts`. */
declare const __CLIPPINGS_BASE__: string | undefined;

/**
 * The entity history file and the entries folder, resolved by `astro.config.ts`:
 * inside the pages' bundle `src/site.config.ts` resolves paths from the chunk's
 * own folder, not the project's.
 */
declare const __CLIPPINGS_ENTITY_HISTORY__: { file: string; articlesDir: string } | undefined;
