import { describe, expect, test } from 'vitest';
import { FilePacker, unpack } from './packed-files.ts';

const decoder = new TextDecoder();
const contents = (packer: FilePacker) => [...unpack(packer.pack())].map(([file, bytes]) => [file, decoder.decode(bytes)]);

describe('FilePacker', () => {
  test('packs files one after the other and unpacks each as it was', () => {
    const packer = new FilePacker();
    const files = [
      ['a.md', 'Plain ASCII.'],
      ['b.md', ''],
      ['c.md', 'Iran’s “quoted” — dash, بيروت, and 𝄞 outside the BMP.'],
    ];
    for (const [file, text] of files) packer.add(file as string, text as string);
    expect(contents(packer)).toEqual(files);
  });

  test('grows past its first buffer without losing what it packed', () => {
    const packer = new FilePacker();
    const files = Array.from({ length: 40 }, (_, i) => [`${i}.md`, `${'é’'.repeat(20_000)}${i}`]);
    for (const [file, text] of files) packer.add(file as string, text as string);
    expect(packer.pack().bytes.byteLength).toBeGreaterThan(1 << 21);
    expect(contents(packer)).toEqual(files);
  });

  test('packs nothing into an empty buffer', () => {
    expect(new FilePacker().pack().bytes.byteLength).toBe(0);
  });
});
