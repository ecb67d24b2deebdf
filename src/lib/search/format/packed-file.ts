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
  // A stream over the bytes themselves, not a Blob's: in Chromium a Blob is registered with the
  // browser process, and that made inflating a record six times slower (DESIGN.md, "Tenth pass").
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  return new Response(source.pipeThrough(new DecompressionStream('gzip'))).text();
}
