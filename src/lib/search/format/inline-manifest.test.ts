import { describe, expect, it } from 'vitest';
import { inlineManifestBlock, readInlineManifest } from './inline-manifest.ts';
import type { SearchManifest } from './manifest.ts';

const manifest = (shards: string[]): SearchManifest => ({
  version: 4,
  documentCount: 3,
  shards,
  shardHash: 'h1',
  scale: 20,
  vocabulary: ['a'],
  vocabularyHash: 'h2',
});

// A page holding the block, as far as `readInlineManifest` looks at it.
const pageWith = (block: string) => {
  const text = /^<script type="application\/json" id="search-manifest">([\s\S]*)<\/script>$/.exec(block)?.[1];
  return { getElementById: (id: string) => (id === 'search-manifest' && text !== undefined ? ({ textContent: text } as HTMLElement) : null) };
};

describe('inlineManifestBlock', () => {
  it('holds no "<" a parser could read as markup, and reads back as the same manifest', () => {
    const words = ['</script><script>alert(1)</script>', '<!--', '</SCRIPT ', '<\u2028>', '\\<', 'école'];
    const block = inlineManifestBlock(`${JSON.stringify(manifest(words))}\n`);
    // An HTML parser leaves a script's text only at "</script" (and treats "<!--" specially): no "<", neither.
    const text = block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>'));
    expect(text).not.toContain('<');
    expect(readInlineManifest(pageWith(block))).toEqual(manifest(words));
  });

  it('reads nothing from a page without one', () => {
    expect(readInlineManifest({ getElementById: () => null })).toBeUndefined();
  });
});
