/**
 * Settle what the entries folder should hold: one entry per story (articles
 * grouped by content id, across dumps), its sources, its slug, and a signature
 * that changes whenever the entry's file would.
 */
import { hash } from 'node:crypto';
import type { Source } from '../../src/lib/entry-schema.ts';
import { makeSlug } from '../../src/lib/ingest/slug.ts';
import type { ArticleRef, FileRecord } from './ingest-protocol.ts';
import type { DumpFile } from './list-dumps.ts';

/** One entry to be on disk. */
export interface PlannedEntry {
  id: string;
  sources: Source[];
  /** The copy the entry is written from: the first in dump order. */
  from: { name: string; ref: ArticleRef };
  /** Changes whenever the file's content would. */
  signature: string;
}

/** What the last run knew, so that stories no changed dump touches are not worked out again. */
export interface PreviousPlan {
  /** Signatures of the entries written, by slug. */
  entries: Record<string, string>;
  /** Ids of every story in a dump that changed or went away since (old and new contents). */
  affected: Set<string>;
}

/**
 * Group the articles of all dumps by story, and give each story its slug.
 *
 * @param dumps Every dump, in order (the first copy of a story is the one written).
 * @param records What was read from each dump.
 * @param previous The last run's signatures and what changed since; a story
 *   untouched by the changes keeps its signature without rehashing.
 * @returns The entries by slug.
 */
export function planEntries(
  dumps: DumpFile[],
  records: Map<string, FileRecord>,
  previous: PreviousPlan = { entries: {}, affected: new Set() },
): { entries: Map<string, PlannedEntry> } {
  const byId = new Map<string, { refs: { name: string; ref: ArticleRef }[] }>();
  for (const dump of dumps) {
    for (const ref of records.get(dump.name)?.articles ?? []) {
      const group = byId.get(ref.id) ?? { refs: [] };
      group.refs.push({ name: dump.name, ref });
      byId.set(ref.id, group);
    }
  }

  const slugs = assignSlugs([...byId.values()].map((group) => group.refs[0] as { name: string; ref: ArticleRef }));
  const entries = new Map<string, PlannedEntry>();
  for (const [id, group] of byId) {
    const from = group.refs[0] as { name: string; ref: ArticleRef };
    const slug = slugs.get(id) as string;
    const sources = group.refs.map(({ name, ref }) => ({ file: name, index: ref.index, line: ref.line }));
    const alone = slug === from.ref.slug;
    const known = alone && !previous.affected.has(id) ? previous.entries[slug] : undefined;
    // A story in one dump under its default slug, nearly all of them: its reader worked the signature out.
    const solo = alone && sources.length === 1 ? from.ref.signature : undefined;
    const signature = known ?? solo ?? entrySignature(id, from.ref.digest, slug, sources);
    entries.set(slug, { id, sources, from, signature });
  }
  return { entries };
}

/**
 * What an entry's file is written from, hashed: it changes whenever the file would.
 *
 * @param id The story's content id.
 * @param digest The `articleDigest` of the copy it is written from.
 * @param slug Its slug.
 * @param sources Every place it was read from.
 */
export function entrySignature(id: string, digest: string, slug: string, sources: Source[]): string {
  return hash('sha256', JSON.stringify([id, digest, slug, sources])).slice(0, 16);
}

/**
 * Slugs carry six hex digits of the story's hash; two stories whose slugs
 * still clash both get more digits, so no slug depends on the order of dumps.
 */
function assignSlugs(firsts: { ref: ArticleRef }[]): Map<string, string> {
  const slugs = new Map<string, string>();
  // Nearly every story keeps the slug its dump's reader gave it.
  const taken = new Map<string, number>();
  for (const { ref } of firsts) taken.set(ref.slug, (taken.get(ref.slug) ?? 0) + 1);
  for (const { ref } of firsts) if (taken.get(ref.slug) === 1) slugs.set(ref.id, ref.slug);
  // A slug's words are the part before its hash.
  let pending = firsts
    .filter(({ ref }) => !slugs.has(ref.id))
    .map(({ ref }) => ({ id: ref.id, words: ref.slug.slice(0, ref.slug.lastIndexOf('-')) }));
  for (let digits = 8; pending.length > 0; digits += 2) {
    const bySlug = new Map<string, string[]>();
    for (const { id, words } of pending) {
      const slug = makeSlug(words, id, digits);
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), id]);
    }
    const clashing = new Set<string>();
    for (const [slug, ids] of bySlug) {
      if (ids.length === 1 || digits >= 16) for (const id of ids) slugs.set(id, slug);
      else for (const id of ids) clashing.add(id);
    }
    pending = pending.filter(({ id }) => clashing.has(id));
  }
  return slugs;
}
