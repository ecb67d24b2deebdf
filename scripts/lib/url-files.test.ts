import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyLedger, serializeLedger, type Ledger } from '../../src/lib/identity/ledger.ts';
import { UsageError } from './out-folder.ts';
import type { Plan } from '../../src/lib/identity/plan-entries.ts';
import { CarriedEntries } from '../../src/lib/identity/touched-stories.ts';
import { REDIRECTS_NAME, ledgerHash, readLedger, saveUrls } from './url-files.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-urls-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const STORY = '0123456789abcdef';
const plan = (slugs: string[], redirects: Plan['redirects'] = []): Plan => ({
  entries: new Map(),
  carried: new CarriedEntries(),
  ledger: { urls: new Map(slugs.map((slug) => [slug, STORY])), texts: new Map() },
  redirects,
});

describe('readLedger', () => {
  test('reads a missing ledger as an empty one (a first run)', () => {
    expect(readLedger(path.join(root, 'none.txt'), 'none.txt')).toEqual({ ledger: emptyLedger(), text: '', hash: ledgerHash(''), own: false });
  });

  test('reads the ledger the last run left (its hash as the manifest recorded it) without the checks, any other with them', () => {
    const file = path.join(root, 'ledger.txt');
    const text = serializeLedger({ urls: new Map([['a-story-012345', STORY]]), texts: new Map() });
    writeFileSync(file, text);
    // The hash of the bytes read is the hash of their text.
    expect(readLedger(file, 'ledger.txt', ledgerHash(text))).toMatchObject({ text, hash: ledgerHash(text), own: true });
    expect(readLedger(file, 'ledger.txt', 'another')).toMatchObject({ text, own: false });
    const maps = ({ urls, texts }: Ledger) => ({ urls: new Map(urls), texts: new Map(texts) });
    expect(maps(readLedger(file, 'ledger.txt', ledgerHash(text)).ledger)).toEqual(readLedger(file, 'ledger.txt').ledger);
  });

  test('refuses a ledger that gives one URL to two stories, naming the file and line as the user gave them', () => {
    const file = path.join(root, 'ledger.txt');
    writeFileSync(file, `url bridge-reopens-012345 ${STORY}\nurl bridge-reopens-012345 fedcba9876543210\n`);
    expect(() => readLedger(file, 'content/url-ledger.txt')).toThrow(UsageError);
    expect(() => readLedger(file, 'content/url-ledger.txt')).toThrow(
      /^content\/url-ledger\.txt:2: bridge-reopens-012345 belongs to story fedcba9876543210 here and to 0123456789abcdef on line 1, expected one story per URL; the URL ledger is left as it is/,
    );
  });
});

describe('saveUrls', () => {
  test('writes the ledger and the redirects when they change, and nothing when they do not', () => {
    const ledgerFile = path.join(root, 'kept', 'ledger.txt');
    const first = plan(['a-story-012345', 'b-story-012345'], [{ from: 'a-story-012345', to: 'b-story-012345' }]);
    const saved = saveUrls({ outDir: root, ledgerFile, old: { text: '', hash: ledgerHash('') }, plan: first, dryRun: false });
    const text = readFileSync(ledgerFile, 'utf8');
    // The manifest records the hash of the ledger left, to know it again.
    expect(saved).toEqual({ changed: true, ledgerChanged: true, ledgerHash: ledgerHash(text) });
    expect(text).toBe(serializeLedger(first.ledger));
    expect(JSON.parse(readFileSync(path.join(root, REDIRECTS_NAME), 'utf8'))).toEqual([{ from: 'a-story-012345', to: 'b-story-012345' }]);
    const written = statSync(ledgerFile).mtimeMs;
    expect(saveUrls({ outDir: root, ledgerFile, old: { text, hash: ledgerHash(text) }, plan: first, dryRun: false })).toEqual({
      changed: false,
      ledgerChanged: false,
      ledgerHash: ledgerHash(text),
    });
    expect(statSync(ledgerFile).mtimeMs).toBe(written);
  });

  test("puts the lines a plan changed into the ledger's text when it is the last run's own, as writing it whole would", () => {
    const ledgerFile = path.join(root, 'ledger.txt');
    const before = plan(['a-story-012345', 'c-story-012345']);
    const text = serializeLedger(before.ledger);
    const lines = { urls: new Map([['b-story-fedcba', 'fedcba9876543210']]), texts: new Map([['1111111111111111', STORY]]) };
    const after: Plan = {
      ...before,
      ledger: { urls: new Map([...before.ledger.urls, ...lines.urls]), texts: lines.texts },
      ledgerChanged: true,
      ledgerLines: lines,
    };
    const saved = saveUrls({ outDir: root, ledgerFile, old: { text, hash: ledgerHash(text), own: true }, plan: after, dryRun: false });
    expect(readFileSync(ledgerFile, 'utf8')).toBe(serializeLedger(after.ledger));
    expect(saved).toEqual({ changed: true, ledgerChanged: true, ledgerHash: ledgerHash(serializeLedger(after.ledger)) });
  });

  test("keeps the ledger's text as read when it is the last run's own and the plan changed nothing in it", () => {
    const ledgerFile = path.join(root, 'ledger.txt');
    const unchanged = { ...plan(['a-story-012345']), ledgerChanged: false };
    // Its own: the text as read is taken as it is, not built again to compare.
    const own = { text: 'the text as read', hash: ledgerHash('the text as read'), own: true };
    expect(saveUrls({ outDir: root, ledgerFile, old: own, plan: unchanged, dryRun: true })).toMatchObject({ ledgerChanged: false, ledgerHash: own.hash });
    // Another ledger (edited by hand since) is written again, as the plan says.
    expect(saveUrls({ outDir: root, ledgerFile, old: { ...own, own: false }, plan: unchanged, dryRun: true })).toMatchObject({ ledgerChanged: true });
  });

  test('with dryRun, reports a change and writes nothing', () => {
    const ledgerFile = path.join(root, 'ledger.txt');
    mkdirSync(path.join(root, 'out'));
    expect(
      saveUrls({ outDir: path.join(root, 'out'), ledgerFile, old: { text: '', hash: ledgerHash('') }, plan: plan(['a-story-012345']), dryRun: true }),
    ).toMatchObject({
      changed: true,
      ledgerChanged: true,
    });
    expect(existsSync(ledgerFile)).toBe(false);
    expect(existsSync(path.join(root, 'out', REDIRECTS_NAME))).toBe(false);
  });
});
