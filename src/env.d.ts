/// <reference types="astro/client" />

/** Written by the search integration (`src/integrations/search-index.ts`). */
declare module 'virtual:clippings/search-files' {
  /** Where the build wrote `related.json`; absent under `astro dev`. */
  export const relatedFile: string;
}

/** The site's base path ("/", "/archive/"), defined by `astro.config.ts` from the config; read it through `lib/site/paths.ts`. */
declare const __CLIPPINGS_BASE__: string | undefined;
