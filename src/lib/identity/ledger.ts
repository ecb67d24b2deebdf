/**
 * The URL ledger: every story URL the archive has published, and the story
 * each belongs to now. A plain text file, one line per URL, sorted, so that
 * its git history is the archive's URL history:
 *
 *   url <slug> <story id>          /articles/<slug>/ belongs to that story
 *   text <content id> <story id>   a version of a story whose text hash is not the story id
 *
 * Lines starting with "#" and blank lines are comments.
 */
import { IngestError } from '../ingest/errors.ts';

/** The ledger in memory. */
export interface Ledger {
  /** Slug → story id, for every URL ever published. */
  urls: Map<string, string>;
  /** Content id → story id, for versions whose own hash is not their story's id. */
  texts: Map<string, string>;
}

const HEADER = `# Clippings URL ledger: every story URL the archive has published, and the story it belongs to now.
# Written by the ingest (README, "The URL ledger"); keep it in git. A fresh clone with the same dumps and
# this file builds the same URLs and redirects. Lines: "url <slug> <story id>", "text <content id> <story id>".
`;

const ID = /^[0-9a-f]{16}$/;
const SLUG = /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u;

/** An empty ledger (a first run). */
export function emptyLedger(): Ledger {
  return { urls: new Map(), texts: new Map() };
}

/**
 * Read a ledger, checking it is well formed and says one thing of each URL and text.
 *
 * @param text The file's content.
 * @param file Its path, for errors.
 * @throws IngestError naming the first bad line.
 */
export function parseLedger(text: string, file: string): Ledger {
  const ledger = emptyLedger();
  const urlLine = new Map<string, number>();
  const textLine = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const fail = (reason: string): never => {
      throw new IngestError(file, i + 1, reason);
    };
    const [kind, key, story, extra] = line.split(/\s+/);
    if ((kind !== 'url' && kind !== 'text') || key === undefined || story === undefined || extra !== undefined) {
      fail(`cannot read "${line}", expected "url <slug> <story id>" or "text <content id> <story id>"`);
    }
    if (!ID.test(story as string)) fail(`"${story}" is not a story id, expected 16 hex digits`);
    if (kind === 'url') {
      if (!SLUG.test(key as string)) fail(`"${key}" is not a slug, expected words of letters or digits joined by "-"`);
      const seen = ledger.urls.get(key as string);
      if (seen !== undefined && seen !== story) {
        fail(`${key} belongs to story ${story} here and to ${seen} on line ${urlLine.get(key as string)}, expected one story per URL`);
      }
      ledger.urls.set(key as string, story as string);
      urlLine.set(key as string, i + 1);
    } else {
      if (!ID.test(key as string)) fail(`"${key}" is not a content id, expected 16 hex digits`);
      const seen = ledger.texts.get(key as string);
      if (seen !== undefined && seen !== story) {
        fail(`text ${key} belongs to story ${story} here and to ${seen} on line ${textLine.get(key as string)}, expected one story per text`);
      }
      ledger.texts.set(key as string, story as string);
      textLine.set(key as string, i + 1);
    }
  }
  // A story merged into another leaves no URL of its own: its text cannot name it and own URLs.
  const owned = new Map<string, string>();
  for (const [slug, owner] of ledger.urls) if (!owned.has(owner)) owned.set(owner, slug);
  for (const [content, story] of ledger.texts) {
    const slug = content === story ? undefined : owned.get(content);
    if (slug === undefined) continue;
    throw new IngestError(
      file,
      urlLine.get(slug) as number,
      `${slug} belongs to story ${content}, but line ${textLine.get(content)} says that text is a version of story ${story}, expected "url ${slug} ${story}"`,
    );
  }
  return ledger;
}

/**
 * Write a ledger: a header, then url lines by slug, then text lines by content id.
 */
export function serializeLedger(ledger: Ledger): string {
  const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);
  let out = HEADER;
  for (const [slug, story] of [...ledger.urls].sort(byKey)) out += `url ${slug} ${story}\n`;
  for (const [content, story] of [...ledger.texts].sort(byKey)) out += `text ${content} ${story}\n`;
  return out;
}
