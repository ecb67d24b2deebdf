import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { CACHE_DIR_NAME, extractionCpuMs, knowledgeOfDump, knowledgeVersion, openKnowledgeCache, pruneKnowledgeCache } from './knowledge-stage.ts';
import { runIngest } from './run-ingest.ts';

const story = (title: string, body: string) => `${title}\n\nA photo (AFP)\nA photo (AFP)\nTT\n\n${title}\n\nA photo (AFP)\nA photo (AFP)\n\n${body}\n`;
const BODY = 'Union leader Simon Sang said the strike in Mombasa ended on August 5, 2024. “We won,” Sang said.';
const DUMP = story('Port Strike Ends', BODY);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-knowledge-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('knowledgeOfDump', () => {
  const articles = parseDump(DUMP, 'a.txt').articles;

  test('extracts a dump once, writes its cache file, and then reads it from there', () => {
    const cache = { dir: root, version: 'v1', write: true };
    expect(knowledgeOfDump(cache, 'abc', articles).get(0)?.people).toEqual(['Simon Sang']);
    // A cache hit returns what the file says.
    const file = path.join(root, 'abc.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.articles[0].people = ['From The Cache'];
    writeFileSync(file, JSON.stringify(stored));
    expect(knowledgeOfDump(cache, 'abc', articles).get(0)?.people).toEqual(['From The Cache']);
    // Another extractor's cache is not trusted, and a checking run writes none.
    expect(knowledgeOfDump({ ...cache, version: 'v2', write: false }, 'abc', articles).get(0)?.people).toEqual(['Simon Sang']);
    expect(JSON.parse(readFileSync(file, 'utf8')).articles[0].people).toEqual(['From The Cache']);
    expect(readdirSync(root)).toEqual(['abc.json']);
  });

  test('prunes the cache files of dumps that are gone', () => {
    writeFileSync(path.join(root, 'keep.json'), '{}');
    writeFileSync(path.join(root, 'gone.json'), '{}');
    pruneKnowledgeCache({ dir: root, version: 'v1', write: true }, new Set(['keep']));
    expect(readdirSync(root)).toEqual(['keep.json']);
  });

  test('counts the CPU time this thread spends extracting, and none for a cache hit', () => {
    const cache = { dir: root, version: 'v1', write: true };
    // Long enough (about 100 KB) that the thread's CPU clock, coarse on some kernels, cannot read zero.
    const long = parseDump(story('Port Strike Ends', `${BODY} `.repeat(1000)), 'long.txt').articles;
    const before = extractionCpuMs();
    knowledgeOfDump(cache, 'abc', long);
    const extracting = extractionCpuMs() - before;
    expect(extracting).toBeGreaterThan(0);
    knowledgeOfDump(cache, 'abc', long);
    expect(extractionCpuMs() - before - extracting).toBeLessThan(extracting);
  });

  test('has a version that follows the extractor', () => {
    expect(knowledgeVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('openKnowledgeCache', () => {
  test('makes the cache folder for a run that writes, and none for a check or without extraction', () => {
    expect(openKnowledgeCache(root, { extract: false, check: false })).toBeUndefined();
    expect(openKnowledgeCache(root, { extract: true, check: true })).toMatchObject({ write: false });
    expect(existsSync(path.join(root, CACHE_DIR_NAME))).toBe(false);
    expect(openKnowledgeCache(root, { extract: true, check: false })).toEqual({
      dir: path.join(root, CACHE_DIR_NAME),
      version: knowledgeVersion(),
      write: true,
    });
    expect(existsSync(path.join(root, CACHE_DIR_NAME))).toBe(true);
  });
});

describe('the ingest with and without extraction', () => {
  test('writes the knowledge fields by default, and leaves them out with extract: false', async () => {
    const inDir = path.join(root, 'raw');
    mkdirSync(inDir);
    writeFileSync(path.join(inDir, 'a.txt'), DUMP);
    const withFields = path.join(root, 'with');
    expect((await runIngest({ inDir, outDir: withFields, workers: 1 })).extractMs).toBeGreaterThan(0);
    const [entry] = readdirSync(withFields).filter((name) => name.endsWith('.md'));
    const text = readFileSync(path.join(withFields, entry!), 'utf8');
    expect(text).toContain('people:\n  - Simon Sang');
    expect(text).toContain('latestDate: "2024-08-05"');
    expect(readdirSync(path.join(withFields, CACHE_DIR_NAME))).toHaveLength(1);

    const bare = path.join(root, 'bare');
    expect((await runIngest({ inDir, outDir: bare, workers: 1, extract: false })).extractMs).toBe(0);
    expect(readFileSync(path.join(bare, entry!), 'utf8')).not.toMatch(/^(?:people|places|dates|quotes|latestDate):/m);
    expect(existsSync(path.join(bare, CACHE_DIR_NAME))).toBe(false);
  });
});
