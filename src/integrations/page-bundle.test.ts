import { describe, expect, it } from 'vitest';
import { bundleClassicScript } from './page-bundle.ts';

describe('bundleClassicScript', () => {
  it("bundles the search page's script into one classic script, fit to write into the page: no import or export left, the base path filled in", async () => {
    const code = await bundleClassicScript(new URL('../scripts/search/search-page.ts', import.meta.url).pathname, {
      __CLIPPINGS_BASE__: JSON.stringify('/archive/'),
    });
    // Dynamic imports are part of the file too: an import() left in would resolve against the page's URL.
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\s*["'{*]|\bexport\s*[{*]/);
    expect(code).not.toContain('__CLIPPINGS_BASE__');
    expect(code).toContain('"/archive/"');
    expect(code).toContain('clippings-search');
    // It is written into the page: nothing in it may end its element or open a comment there.
    expect(code).not.toMatch(/<\/script|<!--/i);
  });
});
