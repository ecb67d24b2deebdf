/**
 * Index files are stored gzipped, as Pagefind stores its own: a tenth to a
 * third of their JSON on disk, and no larger on the wire than a host's own
 * gzip. They carry an extension no host maps to a content encoding, so they
 * arrive as stored and the browser inflates them (`DecompressionStream`). A
 * host that inflates them anyway hands over plain JSON, which is read as is.
 */

/** Extension of a gzipped JSON index file. */
export const PACKED_EXTENSION = '.jz';

/**
 * The text of a fetched index file, gzipped or not.
 *
 * @param bytes The file as fetched.
 * @returns Its text.
 */
export async function unpackText(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
