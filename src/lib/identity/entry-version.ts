/**
 * A version's text read back from the entry the ingest wrote for it: when a
 * dump is edited in place, the old text is gone from the dumps, and the old
 * entry is the only record of what the story said before.
 */
import type { Version } from '../entry-schema.ts';
import { readBodyBlocks } from '../entry-text.ts';
import { printedCaption } from '../ingest/captions.ts';
import { parseEntryFile } from '../read-entry.ts';
import { describeChange, type VersionText } from './describe-change.ts';

/** An entry file's text for `describeChange`, and the versions it recorded. */
export interface EntryVersion {
  text: VersionText;
  /** Its `versions`, or, for an entry read from one source, that source as first read. */
  versions: Version[];
}

/**
 * @param file An entry file's content.
 * @returns Its text and versions, or undefined when it is no entry the ingest wrote.
 */
export function readEntryVersion(file: string): EntryVersion | undefined {
  const parsed = parseEntryFile(file);
  if (typeof parsed === 'string') return undefined;
  const { entry, body } = parsed;
  const captions = entry.captions.map(printedCaption);
  const paragraphs: string[] = [];
  for (const block of readBodyBlocks(body)) {
    if (block.type === 'figure') captions.push(block.text);
    else paragraphs.push(block.text);
  }
  const versions = entry.versions ?? entry.source.slice(0, 1).map((source) => ({ file: source.file, index: source.index, change: 'first read' }));
  return { text: { title: entry.title, subtitle: entry.subtitle, captions, paragraphs }, versions };
}

/**
 * The versions of a story whose shown text changed since its entry was
 * written (its dump edited in place, or replaced): the old entry's versions,
 * then the new text, described against the old.
 *
 * @param previous The old entry, read back.
 * @param next The new text, and where it was read.
 * @returns The versions, or undefined when the text is the same.
 */
export function appendVersion(previous: EntryVersion, next: { text: VersionText; file: string; index: number }): Version[] | undefined {
  const change = describeChange(previous.text, next.text);
  if (change === 'same text') return undefined;
  return [...previous.versions, { file: next.file, index: next.index, change }];
}
