/**
 * Bytes to text, refusing what is not UTF-8 text with a message a user can act on.
 */
import { IngestError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a dump file's bytes.
 *
 * @param bytes The file's contents.
 * @param file Its path, for the error message.
 * @throws IngestError when the bytes are binary or not valid UTF-8, naming the line of the first bad byte.
 */
export function decodeDump(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    throw new IngestError(
      file,
      0,
      `is UTF-16 text (${utf16.order}), expected UTF-8: convert it first, e.g. \`iconv -f ${utf16.iconv} -t UTF-8 ${file} > ${file.replace(/\.txt$/i, '')}.utf8.txt\``,
    );
  }
  if (nul >= 0) {
    throw new IngestError(file, lineAt(bytes, nul), 'is not a text file (it holds NUL bytes), expected UTF-8 text');
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new IngestError(
      file,
      lineAt(bytes, bad),
      `is not UTF-8 text (byte 0x${hex} at offset ${bad}), expected UTF-8: convert it first, e.g. \`iconv -f windows-1252 -t utf-8\``,
    );
  }
}

/**
 * UTF-16 by its byte-order mark, or, without one, by its shape: Latin text in
 * UTF-16 has a NUL in every other byte, and UTF-8 text has none.
 */
function detectUtf16(bytes: Uint8Array): { order: string; iconv: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { order: 'little-endian, with a byte-order mark', iconv: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { order: 'big-endian, with a byte-order mark', iconv: 'UTF-16' };
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.6 && evenNul === 0) return { order: 'little-endian', iconv: 'UTF-16LE' };
  if (evenNul > pairs * 0.6 && oddNul === 0) return { order: 'big-endian', iconv: 'UTF-16BE' };
  return undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (length > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + length));
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
