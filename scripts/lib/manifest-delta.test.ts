import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ArticleRef } from '../../src/lib/identity/article-ref.ts';
import { loadManifest, MANIFEST_NAME, saveManifest, type Manifest } from './ingest-manifest.ts';
import type { FileRecord } from './ingest-protocol.ts';
import { DELTA_LIMIT, DELTA_NAME, type ChangedRows } from './manifest-delta.ts';

let outDir = '';
beforeEach(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'clippings-delta-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

const sketchOf = (n: number) => Uint16Array.from({ length: 128 }, (_, i) => (i * 7 + n) % 65535);
const article = (n: number, index = 0): ArticleRef => ({
  id: n.toString(16).padStart(16, '0'),
  digest: 'b'.repeat(16),
  slug: `story-${n}-${n.toString(16).padStart(6, '0')}`,
  signature: 'c'.repeat(16),
  index,
  line: 1 + index * 10,
  sketch: n % 5 === 0 ? new Uint16Array(0) : sketchOf(n),
  shingles: n % 5 === 0 ? 0 : 40,
});
const record = (...ns: number[]): FileRecord => ({
  size: 100 * ns.length,
  mtimeMs: 1.5 + ns[0]!,
  hash: 'd'.repeat(64),
  articles: ns.map((n, i) => article(n, i)),
  errors: [],
});

function manifestOf(dumps: number): Manifest {
  const files: Record<string, FileRecord> = {};
  const entries = new Map<string, string>();
  const owned = new Map<string, { size: number; hash: string }>();
  for (let d = 0; d < dumps; d++) {
    files[`${d}.txt`] = record(d * 2, d * 2 + 1);
    for (const n of [d * 2, d * 2 + 1]) {
      entries.set(`story-${n}`, `sig-${n}`);
      owned.set(`story-${n}.md`, { size: n, hash: 'e'.repeat(16) });
    }
  }
  return { version: 'v1', files, entries, owned, histories: {}, ledger: 'l'.repeat(16), stories: entries.size };
}
const rows = (changed: Partial<Record<keyof ChangedRows, string[]>>): ChangedRows => ({
  files: new Set(changed.files),
  entries: new Set(changed.entries),
  owned: new Set(changed.owned),
});
/** The tables as compared: sketches as plain arrays. */
const tables = (manifest: Manifest) => ({
  ...manifest,
  sinceBase: undefined,
  files: Object.fromEntries(
    Object.entries(manifest.files).map(([name, { size, mtimeMs, hash, errors, articles }]) => [
      name,
      { size, mtimeMs, hash, errors, articles: articles.map((a) => ({ ...a, sketch: Array.from(a.sketch) })) },
    ]),
  ),
});

describe('a manifest saved as a delta', () => {
  test('reads back as the whole manifest would, over random runs of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ edit: fc.nat(9), add: fc.boolean(), drop: fc.nat(12) }), { minLength: 1, maxLength: 6 }), (runs) => {
        rmSync(outDir, { recursive: true, force: true });
        mkdirSync(outDir);
        saveManifest(outDir, manifestOf(10));
        let n = 1000;
        for (const run of runs) {
          const { manifest } = loadManifest(outDir, 'v1');
          const changed = rows({});
          // A dump re-read, one added, one gone; an entry replaced; an owned file removed and another written.
          const edited = `${run.edit}.txt`;
          if (manifest.files[edited]) {
            manifest.files[edited] = record(n++, n++);
            changed.files.add(edited);
          }
          if (run.add) {
            manifest.files[`new-${n}.txt`] = record(n++);
            changed.files.add(`new-${n - 1}.txt`);
          }
          delete manifest.files[`${run.drop}.txt`];
          changed.files.add(`${run.drop}.txt`);
          manifest.entries.delete(`story-${run.drop}`);
          manifest.entries.set(`story-${n}`, `sig-${n}`);
          changed.entries.add(`story-${run.drop}`).add(`story-${n}`);
          manifest.owned.delete(`story-${run.drop}.md`);
          manifest.owned.set(`story-${n}.md`, { size: n, hash: 'f'.repeat(16) });
          changed.owned.add(`story-${run.drop}.md`).add(`story-${n}.md`);
          manifest.histories = { [`story-${n}`]: { signature: `sig-${n}`, versions: [{ file: edited, index: 0, change: '1 word changed' }] } };
          manifest.ledger = String(n).padStart(16, '0');
          n++;
          saveManifest(outDir, manifest, changed);
          expect(existsSync(path.join(outDir, DELTA_NAME))).toBe(true);
          expect(tables(loadManifest(outDir, 'v1').manifest)).toEqual(tables(manifest));
          // The same tables saved whole read back the same.
          const whole = mkdtempSync(path.join(tmpdir(), 'clippings-delta-whole-'));
          saveManifest(whole, manifest);
          expect(tables(loadManifest(whole, 'v1').manifest)).toEqual(tables(manifest));
          rmSync(whole, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });

  test("gives the owned files as the manifest holds them before its delta, and names the delta's owned rows, whatever the code's version", () => {
    saveManifest(outDir, manifestOf(2));
    const { manifest } = loadManifest(outDir, 'v1');
    manifest.owned.set('story-1.md', { size: 99, hash: 'f'.repeat(16) });
    manifest.owned.set('story-new.md', { size: 5, hash: 'f'.repeat(16) });
    saveManifest(outDir, manifest, rows({ owned: ['story-1.md', 'story-new.md'] }));
    for (const version of ['v1', 'v2']) {
      let given: Map<string, number> | undefined;
      const loaded = loadManifest(outDir, version, (owned) => {
        given = new Map([...owned].map(([name, file]) => [name, file.size]));
      });
      expect(given?.get('story-1.md')).toBe(1);
      expect(given?.has('story-new.md')).toBe(false);
      expect(loaded.manifest.owned.get('story-1.md')?.size).toBe(99);
      expect([...(loaded.ownedSince ?? [])].sort()).toEqual(['story-1.md', 'story-new.md']);
    }
  });

  test('is written whole again, and the delta removed, once the changed rows pass the limit', () => {
    saveManifest(outDir, manifestOf(2));
    const { manifest } = loadManifest(outDir, 'v1');
    const names = Array.from({ length: DELTA_LIMIT + 1 }, (_, i) => `story-${i}.md`);
    for (const name of names) manifest.owned.set(name, { size: 1, hash: 'f'.repeat(16) });
    const before = readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8');
    saveManifest(outDir, manifest, rows({ owned: names.slice(0, 10) }));
    expect(existsSync(path.join(outDir, DELTA_NAME))).toBe(true);
    expect(readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8')).toBe(before);
    // Those ten and the rest: past the limit.
    saveManifest(outDir, manifest, rows({ owned: names }));
    expect(existsSync(path.join(outDir, DELTA_NAME))).toBe(false);
    expect(loadManifest(outDir, 'v1').manifest.owned.size).toBe(names.length);
  });

  test('is ignored when it names another manifest (a run killed before removing it)', () => {
    saveManifest(outDir, manifestOf(2));
    const { manifest } = loadManifest(outDir, 'v1');
    manifest.entries.set('story-99', 'sig-99');
    saveManifest(outDir, manifest, rows({ entries: ['story-99'] }));
    const delta = readFileSync(path.join(outDir, DELTA_NAME), 'utf8');
    saveManifest(outDir, manifestOf(2));
    writeFileSync(path.join(outDir, DELTA_NAME), delta);
    expect(loadManifest(outDir, 'v1').manifest.entries.has('story-99')).toBe(false);
  });

  test('keeps its owned files across a change of code, and drops its cache with the manifest’s', () => {
    saveManifest(outDir, manifestOf(2));
    const { manifest } = loadManifest(outDir, 'v1');
    manifest.owned.set('story-99.md', { size: 9, hash: 'f'.repeat(16) });
    manifest.entries.set('story-99', 'sig-99');
    saveManifest(outDir, manifest, rows({ entries: ['story-99'], owned: ['story-99.md'] }));
    const other = loadManifest(outDir, 'v2').manifest;
    expect(other.owned.get('story-99.md')).toEqual({ size: 9, hash: 'f'.repeat(16) });
    expect(other.entries.size).toBe(0);
    expect(other.sinceBase).toBeUndefined();
  });

  test('that is damaged: the run goes on with no cache and no owned files (it removes nothing), and says why', () => {
    saveManifest(outDir, manifestOf(2));
    const { manifest } = loadManifest(outDir, 'v1');
    saveManifest(outDir, manifest, rows({ entries: ['story-0'] }));
    writeFileSync(path.join(outDir, DELTA_NAME), '{"base": ');
    const loaded = loadManifest(outDir, 'v1');
    expect(loaded.problem).toMatch(/delta .* cannot be read/);
    expect(loaded.manifest.owned.size).toBe(0);
    expect(loaded.manifest.entries.size).toBe(0);
  });
});
