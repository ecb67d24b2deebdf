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
 * @returns The text.
 * @throws IngestError when the bytes are binary or not valid UTF-8, naming the line of the first bad byte.
 */
export function decodeDump(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
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
