import { describe, expect, test } from 'vitest';
import { decodeDump } from './decode-dump.ts';

describe('decodeDump', () => {
  test('decodes UTF-8 text, byte-order mark and all', () => {
    expect(decodeDump(new TextEncoder().encode('\uFEFFCafé'), 'a.txt')).toBe('\uFEFFCafé');
  });

  test('rejects Latin-1 text, naming the line and byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Title\nCaf'), 0xe9, 0x0a]);
    expect(() => decodeDump(bytes, 'raw/old.txt')).toThrowErrorMatchingInlineSnapshot(
      `[IngestError: ingest: raw/old.txt:2: is not UTF-8 text (byte 0xE9 at offset 9), expected UTF-8: convert it first, e.g. \`iconv -f windows-1252 -t utf-8\`]`,
    );
  });

  test('rejects a binary file', () => {
    expect(() => decodeDump(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'photo.txt')).toThrowErrorMatchingInlineSnapshot(
      `[IngestError: ingest: photo.txt:1: is not a text file (it holds NUL bytes), expected UTF-8 text]`,
    );
  });
});
