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

  test.each([
    [
      'little-endian with a byte-order mark',
      Buffer.from('\uFEFFTitle\nBody.\n', 'utf16le'),
      'little-endian, with a byte-order mark',
      'iconv -f UTF-16 -t UTF-8',
    ],
    [
      'big-endian with a byte-order mark',
      Buffer.from('\uFEFFTitle\nBody.\n', 'utf16le').swap16(),
      'big-endian, with a byte-order mark',
      'iconv -f UTF-16 -t UTF-8',
    ],
    ['little-endian without a mark', Buffer.from('Title\nBody.\n', 'utf16le'), 'little-endian', 'iconv -f UTF-16LE -t UTF-8'],
    ['big-endian without a mark', Buffer.from('Title\nBody.\n', 'utf16le').swap16(), 'big-endian', 'iconv -f UTF-16BE -t UTF-8'],
  ])('names UTF-16 text %s and the iconv that converts it', (_, bytes, encoding, iconv) => {
    expect(() => decodeDump(bytes, 'raw/export.txt')).toThrow(
      `ingest: raw/export.txt: is UTF-16 text (${encoding}), expected UTF-8: convert it first, e.g. \`${iconv} raw/export.txt > raw/export.utf8.txt\``,
    );
  });

  test('rejects a binary file', () => {
    expect(() => decodeDump(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'photo.txt')).toThrowErrorMatchingInlineSnapshot(
      `[IngestError: ingest: photo.txt:1: is not a text file (it holds NUL bytes), expected UTF-8 text]`,
    );
  });
});
