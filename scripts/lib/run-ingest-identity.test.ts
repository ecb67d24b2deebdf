/**
 * Story identity through the whole ingest: each kind of re-scrape (the
 * fixtures in src/lib/identity/fixtures/), read beside the original and in
 * its place; a story renamed then merged; a fresh clone with the ledger; a
 * damaged ledger.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EntrySchema, type Entry } from '../../src/lib/entry-schema.ts';
import { splitEntryFile } from '../../src/lib/entry-text.ts';
import { generateStories } from '../bench/generate-identity-cases.ts';
import { story } from './ingest-test-folders.ts';
import { UsageError } from './out-folder.ts';
import { MANIFEST_NAME, ingestVersion, loadManifest } from './ingest-manifest.ts';
import { DELTA_NAME } from './manifest-delta.ts';
import { LEDGER_NAME, REDIRECTS_NAME, runIngest } from './run-ingest.ts';
import { ledgerHash } from './url-files.ts';

const FIXTURES = path.join(import.meta.dirname, '../../src/lib/identity/fixtures');
const CASES = readdirSync(FIXTURES).sort();
/** What each re-scrape's entry says changed when the dump is edited in place. */
const CHANGED_IN_PLACE: Record<string, string> = {
  'changed-caption-or-credit': '1 caption changed',
  'corrected-figure': '1 word changed',
  'corrected-headline': 'headline corrected',
  'corrected-word': '1 word changed',
  'paragraph-added-at-the-end': '1 paragraph added',
  'paragraph-removed-at-the-end': '1 paragraph removed',
  'white-space-and-paragraph-breaks': 'paragraph breaks changed',
};

let root: string;
const folder = (name: string) => path.join(root, name);
const ingest = (inDir: string, outDir: string, ledger?: string) => runIngest({ inDir, outDir, ledger, workers: 1, cwd: root });
const read = (outDir: string): Entry[] =>
  readdirSync(outDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => EntrySchema.parse(loadYaml(splitEntryFile(readFileSync(path.join(outDir, name), 'utf8')).yaml)));
const redirects = (outDir: string): { from: string; to: string }[] => JSON.parse(readFileSync(path.join(outDir, REDIRECTS_NAME), 'utf8'));

/** Where a URL leads now: its entry, directly or through one redirect. */
function resolve(outDir: string, slug: string): Entry | undefined {
  const entries = read(outDir);
  const target = redirects(outDir).find((redirect) => redirect.from === slug)?.to ?? slug;
  return entries.find((entry) => entry.slug === target);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-identity-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runIngest: story identity', () => {
  test.each(CASES)('%s: read beside the original, one entry per story, its versions described', async (name) => {
    mkdirSync(folder('raw'));
    cpSync(path.join(FIXTURES, name, 'first.txt'), path.join(folder('raw'), 'a.txt'));
    cpSync(path.join(FIXTURES, name, 'second.txt'), path.join(folder('raw'), 'b.txt'));
    await ingest(folder('raw'), folder('out'));
    const summary = read(folder('out')).map(({ slug, id, title, source, versions }) => ({ slug, id, title, source: source.map((s) => s.file), versions }));
    await expect(`${JSON.stringify({ entries: summary, redirects: redirects(folder('out')) }, null, 2)}\n`).toMatchFileSnapshot(
      path.join(FIXTURES, name, 'expected.json'),
    );
  });

  test.each(CASES)('%s: re-scraped in place, every URL published before still leads to its story', async (name) => {
    mkdirSync(folder('raw'));
    const dump = path.join(folder('raw'), 'a.txt');
    cpSync(path.join(FIXTURES, name, 'first.txt'), dump);
    await ingest(folder('raw'), folder('out'));
    const before = read(folder('out'));
    const other = readFileSync(path.join(FIXTURES, name, 'first.txt'), 'utf8').split('\n\n\n\n')[1] ?? '';
    writeFileSync(dump, `${readFileSync(path.join(FIXTURES, name, 'second.txt'), 'utf8')}\n\n\n${other}`);
    await ingest(folder('raw'), folder('out'));
    const after = read(folder('out'));
    if (name === 'same-title-other-story') {
      // Another story: the old one is gone, and its URL with it.
      expect(resolve(folder('out'), before[0]?.slug as string)).toBeUndefined();
      expect(after[0]?.id).not.toBe(before[0]?.id);
      return;
    }
    for (const entry of before) expect(resolve(folder('out'), entry.slug)?.id, entry.slug).toBe(entry.id);
    // The body changed but not the headline: the very same URL.
    if (name !== 'corrected-headline') expect(after.map((entry) => entry.slug)).toEqual(before.map((entry) => entry.slug));

    // The story's entry says what changed in place, as for a re-scrape into another dump.
    const edited = before.find((entry) => entry.title.startsWith('Harbour'));
    const story = after.find((entry) => entry.id === edited?.id);
    expect(story?.versions).toEqual([
      { file: 'a.txt', index: 0, change: 'first read' },
      { file: 'a.txt', index: 0, change: CHANGED_IN_PLACE[name] },
    ]);
    // The other story of the dump was read again with the same text: nothing to say.
    expect(after.find((entry) => entry.title.startsWith('Ferry'))?.versions).toBeUndefined();

    // A fresh clone: the same dumps and the ledger build the same URLs and
    // redirects. The text before the edit is gone, so the clone cannot say
    // what changed: only the entries folder that saw the edit keeps that.
    cpSync(folder('raw'), folder('clone-raw'), { recursive: true });
    cpSync(path.join(folder('out'), '.url-ledger.txt'), folder('ledger.txt'));
    await ingest(folder('clone-raw'), folder('clone-out'), folder('ledger.txt'));
    const withoutVersions = (entries: Entry[]) => entries.map(({ versions: _, ...entry }) => entry);
    expect(withoutVersions(read(folder('clone-out')))).toEqual(withoutVersions(after));
    expect(redirects(folder('clone-out'))).toEqual(redirects(folder('out')));
  });

  test('an edit in place: recorded in versions, kept when the entry is written again, and a second edit added after it', async () => {
    mkdirSync(folder('raw'));
    const dump = path.join(folder('raw'), 'a.txt');
    const story = (body: string) => `Bridge Reopens\n\nTT\n\nBridge Reopens\n\n${body}\n`;
    const body = ['Cars are back on the bridge after two years of repairs to its deck and cables.', 'The mayor said buses would follow next week.'];
    writeFileSync(dump, story(body.join('\n\n')));
    await ingest(folder('raw'), folder('out'));
    const [first] = read(folder('out'));
    writeFileSync(dump, story(body.join('\n\n').replace('two years', 'three years')));
    await ingest(folder('raw'), folder('out'));
    const edited = [
      { file: 'a.txt', index: 0, change: 'first read' },
      { file: 'a.txt', index: 0, change: '1 word changed' },
    ];
    expect(read(folder('out')).map(({ slug, id, versions }) => ({ slug, id, versions }))).toEqual([{ slug: first?.slug, id: first?.id, versions: edited }]);

    // A new ingest version writes every entry again, from the dumps alone: the edit's record is kept.
    const manifestFile = path.join(folder('out'), '.ingest-manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), version: 'older' }));
    rmSync(path.join(folder('out'), `${first?.slug}.md`));
    await ingest(folder('raw'), folder('out'));
    expect(read(folder('out'))[0]?.versions).toEqual(edited);

    writeFileSync(dump, story([...body, 'Cyclists get a lane of their own.'].join('\n\n').replace('two years', 'three years')));
    await ingest(folder('raw'), folder('out'));
    expect(read(folder('out')).map(({ slug, versions }) => ({ slug, versions }))).toEqual([
      { slug: first?.slug, versions: [...edited, { file: 'a.txt', index: 0, change: '1 paragraph added' }] },
    ]);
  });

  test('a story renamed, then merged with another: every URL either had reaches the merged story, in one step', async () => {
    // Three scrapes of one story: B short, C long, X between them. B and C
    // share under half their text, each shares most of it with X.
    const [one, two] = generateStories(2, 4);
    const paragraphs = [...(one?.blocks ?? []), ...(two?.blocks ?? [])].flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    const words = (count: number) => paragraphs.slice(0, count).join(' ').split(' ').length;
    const upTo = (share: number, of: number) => {
      let count = 1;
      while (words(count + 1) <= share * words(of)) count++;
      return count;
    };
    const c = paragraphs.length;
    const x = upTo(0.72, c);
    const b = upTo(0.62, x);
    const dump = (title: string, count: number) =>
      `${title}\n\nA photo (AFP)\nA photo (AFP)\nTT\n\n${title}\n\nA photo (AFP)\nA photo (AFP)\n\n${paragraphs.slice(0, count).join('\n\n')}\n`;
    mkdirSync(folder('raw'));
    const raw = (name: string, text: string) => writeFileSync(path.join(folder('raw'), name), text);
    raw('1.txt', dump('Port Strike Ends', b));
    raw('2.txt', dump('Port Strike Ends', c));
    await ingest(folder('raw'), folder('out'));
    expect(read(folder('out'))).toHaveLength(2);
    const published = new Set(read(folder('out')).map((entry) => entry.slug));

    raw('1.txt', dump('Port Strike Ends at Last', b));
    await ingest(folder('raw'), folder('out'));
    expect(redirects(folder('out'))).toHaveLength(1);
    for (const entry of read(folder('out'))) published.add(entry.slug);
    expect(published.size).toBe(3);

    // A third scrape, between the two, shows they are one story.
    raw('3.txt', dump('Port Strike Ends at Last', x));
    await ingest(folder('raw'), folder('out'));
    const [merged, ...rest] = read(folder('out'));
    expect(rest).toEqual([]);
    expect(merged?.source.map((source) => source.file)).toEqual(['1.txt', '2.txt', '3.txt']);
    for (const slug of published) {
      if (slug === merged?.slug) continue;
      expect(redirects(folder('out'))).toContainEqual({ from: slug, to: merged?.slug });
    }
  });

  test('refuses a contradictory ledger, naming the line, and touches nothing', async () => {
    mkdirSync(folder('raw'));
    cpSync(path.join(FIXTURES, 'corrected-word', 'first.txt'), path.join(folder('raw'), 'a.txt'));
    await ingest(folder('raw'), folder('out'));
    const ledger = path.join(folder('out'), '.url-ledger.txt');
    const text = readFileSync(ledger, 'utf8');
    const [url] = text.split('\n').filter((line) => line.startsWith('url '));
    writeFileSync(ledger, `${text}${url?.replace(/ [0-9a-f]{16}$/, ' 0123456789abcdef')}\n`);
    const entriesBefore = readdirSync(folder('out')).sort();
    const error = await ingest(folder('raw'), folder('out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /\.url-ledger\.txt:\d+: \S+ belongs to story 0123456789abcdef here and to [0-9a-f]{16} on line 4, expected one story per URL; /,
    );
    expect(readdirSync(folder('out')).sort()).toEqual(entriesBefore);
    expect(existsSync(ledger)).toBe(true);
  });

  test('a re-run plans only the stories it touched, and leaves the folder as planning the whole archive would', async () => {
    // Two output folders for one archive: the second's manifest forgets its
    // ledger before each run, which has every story planned again.
    const planWhole = () => {
      const file = path.join(folder('whole'), MANIFEST_NAME);
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      delete manifest.ledger;
      writeFileSync(file, JSON.stringify(manifest));
    };
    const snapshot = (outDir: string) =>
      readdirSync(outDir)
        .filter((name) => name.endsWith('.md') || name === LEDGER_NAME || name === REDIRECTS_NAME)
        .sort()
        .map((name) => [name, readFileSync(path.join(outDir, name), 'utf8')]);
    mkdirSync(folder('raw'));
    CASES.forEach((name, i) => cpSync(path.join(FIXTURES, name, 'first.txt'), path.join(folder('raw'), `${i}.txt`)));
    // Stories no edit touches, carried over by every re-run.
    for (const [i, title] of ['Ferry Timetable Changes', 'Library Opens Late', 'Market Hall Repaired'].entries()) {
      const body = Array.from({ length: 60 }, (_, k) => `${title.split(' ')[k % 3]?.toLowerCase()}${i}${k}`).join(' ');
      writeFileSync(path.join(folder('raw'), `x${i}.txt`), story(title, `${body}.`));
    }
    const edits: (() => void)[] = [
      // Re-scrapes in place: a corrected word, a corrected headline.
      () => cpSync(path.join(FIXTURES, CASES[3] as string, 'second.txt'), path.join(folder('raw'), '3.txt')),
      () => cpSync(path.join(FIXTURES, CASES[2] as string, 'second.txt'), path.join(folder('raw'), '2.txt')),
      // A copy of one story in a new dump, a re-scrape of another beside it, then a dump deleted.
      () => cpSync(path.join(folder('raw'), '5.txt'), path.join(folder('raw'), '9.txt')),
      () => cpSync(path.join(FIXTURES, CASES[0] as string, 'second.txt'), path.join(folder('raw'), '10.txt')),
      () => rmSync(path.join(folder('raw'), '0.txt')),
    ];
    await ingest(folder('raw'), folder('carried'));
    await ingest(folder('raw'), folder('whole'));
    for (const edit of edits) {
      edit();
      await ingest(folder('raw'), folder('carried'));
      planWhole();
      await ingest(folder('raw'), folder('whole'));
      expect(snapshot(folder('carried'))).toEqual(snapshot(folder('whole')));
      // The manifest knows the ledger the run left, so the next run may carry.
      expect(loadManifest(folder('carried'), ingestVersion()).manifest.ledger).toBe(
        ledgerHash(readFileSync(path.join(folder('carried'), LEDGER_NAME), 'utf8')),
      );
      // Saved as a delta on the manifest read, which a whole plan never is.
      expect(existsSync(path.join(folder('carried'), DELTA_NAME))).toBe(true);
      expect(existsSync(path.join(folder('whole'), DELTA_NAME))).toBe(false);
    }
  });

  test('a re-run that carries a story over still writes its entry again when the file was deleted', async () => {
    mkdirSync(folder('raw'));
    CASES.slice(0, 3).forEach((name, i) => cpSync(path.join(FIXTURES, name, 'first.txt'), path.join(folder('raw'), `${i}.txt`)));
    await ingest(folder('raw'), folder('out'));
    const [lost] = readdirSync(folder('out')).filter(
      (name) => name.endsWith('.md') && !readFileSync(path.join(folder('out'), name), 'utf8').includes('file: 2.txt'),
    );
    const before = readFileSync(path.join(folder('out'), lost as string), 'utf8');
    rmSync(path.join(folder('out'), lost as string));
    cpSync(path.join(FIXTURES, CASES[3] as string, 'first.txt'), path.join(folder('raw'), '2.txt'));
    const summary = await ingest(folder('raw'), folder('out'));
    expect(summary.repaired).toEqual([(lost as string).slice(0, -3)]);
    expect(readFileSync(path.join(folder('out'), lost as string), 'utf8')).toBe(before);
  });

  test('a ledger edited since the last run has every story planned again', async () => {
    mkdirSync(folder('raw'));
    CASES.slice(0, 3).forEach((name, i) => cpSync(path.join(FIXTURES, name, 'first.txt'), path.join(folder('raw'), `${i}.txt`)));
    await ingest(folder('raw'), folder('out'));
    const ledgerFile = path.join(folder('out'), LEDGER_NAME);
    const whole = readFileSync(ledgerFile, 'utf8');
    // A URL line of a story this run does not touch, lost by hand.
    const untouched = read(folder('out')).find((entry) => entry.source[0]?.file === '0.txt') as Entry;
    writeFileSync(ledgerFile, whole.replace(`url ${untouched.slug} ${untouched.id}\n`, ''));
    cpSync(path.join(FIXTURES, CASES[3] as string, 'first.txt'), path.join(folder('raw'), '2.txt'));
    await ingest(folder('raw'), folder('out'));
    expect(readFileSync(ledgerFile, 'utf8')).toContain(`url ${untouched.slug} ${untouched.id}\n`);
  });
});
