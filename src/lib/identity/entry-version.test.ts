import { describe, expect, it } from 'vitest';
import { buildEntry, type EntryFacts } from '../ingest/build-entry.ts';
import { parseDump } from '../ingest/parse-dump.ts';
import { serializeEntry } from '../ingest/serialize-entry.ts';
import { versionText } from './article-identity.ts';
import { appendVersion, readEntryVersion } from './entry-version.ts';

const dump = (body: string) =>
  `Bridge Reopens\n\nA photo of the bridge (AFP)\nTT\n\nBridge Reopens\n\nA photo of the bridge (AFP)\n\n${body}\n\nAn *inline* photo\n(Reuters)\n`;
const entryFile = (text: string, versions?: EntryFacts['versions']) => {
  const [article] = parseDump(text, 'a.txt').articles;
  const built = buildEntry(article!, [{ file: 'a.txt', index: 0, line: 1 }], { id: '0123456789abcdef', slug: 'bridge-reopens-012345', versions });
  return { file: serializeEntry(built.entry, built.body), article: article! };
};

describe('readEntryVersion', () => {
  it('reads back the text the entry was written from, as versionText reads the article', () => {
    const { file, article } = entryFile(dump('Cars are *back* on the bridge & the ferry stops.\n\nThe mayor spoke.'));
    expect(readEntryVersion(file)).toEqual({ text: versionText(article), versions: [{ file: 'a.txt', index: 0, change: 'first read' }] });
  });

  it('reads nothing from a file that is no entry', () => {
    expect(readEntryVersion('not an entry')).toBeUndefined();
  });
});

describe('appendVersion', () => {
  it('adds the new text, described against the old, after the versions the old entry recorded', () => {
    const old = readEntryVersion(entryFile(dump('Cars are back on the bridge.\n\nThe mayor spoke.')).file)!;
    const { article } = entryFile(dump('Cars are back on the old bridge.\n\nThe mayor spoke.\n\nBuses follow next week.'));
    expect(appendVersion(old, { text: versionText(article), file: 'a.txt', index: 0 })).toEqual([
      { file: 'a.txt', index: 0, change: 'first read' },
      { file: 'a.txt', index: 0, change: '1 word changed, 1 paragraph added' },
    ]);
  });

  it('adds nothing when the text is the same', () => {
    const { file, article } = entryFile(dump('Cars are back on the bridge.'));
    expect(appendVersion(readEntryVersion(file)!, { text: versionText(article), file: 'a.txt', index: 0 })).toBeUndefined();
  });
});
