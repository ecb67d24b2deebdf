/// <reference types="astro/client" />

/** Written by the search integration (`src/integrations/search-index.ts`). */
declare module 'virtual:clippings/search-files' {
  /** Where the build wrote `related.json`; absent under `astro dev`. */
  export const relatedFile: string;
}
