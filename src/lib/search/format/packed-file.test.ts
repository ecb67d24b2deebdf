import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { unpackText } from './packed-file.ts';

describe('unpackText', () => {
  const json = JSON.stringify({ title: 'Ĥarbour — “street”', body: 'x'.repeat(5000) });

  it('inflates a gzipped file', async () => {
    expect(await unpackText(gzipSync(json))).toBe(json);
  });

  it('reads a file a host already inflated as it is', async () => {
    expect(await unpackText(new TextEncoder().encode(json))).toBe(json);
  });
});
