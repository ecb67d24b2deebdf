import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { entryPackageVersions, ingestVersion, writerVersion } from './ingest-manifest.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

const lock = (packages: Record<string, { version: string; dependencies?: Record<string, string> }>) => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-lock-'));
  const entries = Object.fromEntries(Object.entries(packages).map(([name, info]) => [`node_modules/${name}`, info]));
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ packages: entries }));
  return root;
};

describe('entryPackageVersions', () => {
  test('lists the entry packages and what they depend on, from the lock file', () => {
    const dir = lock({
      'mdast-util-to-markdown': { version: '2.1.2', dependencies: { 'longest-streak': '^3.0.0' } },
      'longest-streak': { version: '3.1.0' },
      zod: { version: '4.1.0' },
      vitest: { version: '4.0.0' },
    });
    const versions = entryPackageVersions(dir);
    expect(versions).toContain('mdast-util-to-markdown@2.1.2');
    expect(versions).toContain('longest-streak@3.1.0');
    expect(versions).toContain('zod@4.1.0');
    expect(versions.some((version) => version.startsWith('vitest@'))).toBe(false);
  });

  test('changes when a dependency of the serializer is upgraded', () => {
    const before = entryPackageVersions(lock({ 'mdast-util-to-markdown': { version: '2.1.2', dependencies: { zwitch: '^2' } }, zwitch: { version: '2.0.3' } }));
    const after = entryPackageVersions(lock({ 'mdast-util-to-markdown': { version: '2.1.2', dependencies: { zwitch: '^2' } }, zwitch: { version: '2.0.4' } }));
    expect(after).not.toEqual(before);
  });

  test('reads each package’s own package.json without a lock file', () => {
    root = mkdtempSync(path.join(tmpdir(), 'clippings-lock-'));
    mkdirSync(path.join(root, 'node_modules', 'zod'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'zod', 'package.json'), JSON.stringify({ version: '4.2.0' }));
    expect(entryPackageVersions(root)).toContain('zod@4.2.0');
    expect(entryPackageVersions(root)).toContain('js-yaml@missing');
  });
});

describe('ingestVersion', () => {
  test('is stable within a checkout', () => {
    expect(ingestVersion(false)).toMatch(/^[0-9a-f]{16}$/);
    expect(ingestVersion(false)).toBe(ingestVersion(false));
    expect(ingestVersion()).toBe(ingestVersion());
  });

  test('adds the extractor’s version when entries carry its fields', () => {
    expect(ingestVersion()).toMatch(new RegExp(`^${ingestVersion(false)}\\+[0-9a-f]+$`));
  });
});

describe('writerVersion', () => {
  /** A copy of the repository's sources and lock file, which a test may change. */
  const copyRepo = () => {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    root = mkdtempSync(path.join(tmpdir(), 'clippings-version-'));
    for (const part of ['src/lib', 'scripts/lib', 'package-lock.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
    return root;
  };

  test('is the writer’s part of ingestVersion, read from the given root', () => {
    expect(writerVersion()).toBe(ingestVersion(false));
    expect(writerVersion(copyRepo())).toBe(ingestVersion(false));
  });

  test.each(['src/lib/text/edit-distance.ts', 'src/lib/identity/same-story.ts', 'src/lib/ingest/slug.ts', 'src/lib/identity/plan-entries.ts'])(
    'changes when %s changes',
    (file) => {
      const copy = copyRepo();
      appendFileSync(path.join(copy, file), '\n// changed\n');
      expect(writerVersion(copy)).not.toBe(ingestVersion(false));
    },
  );

  test('stays when code that does not shape entries changes', () => {
    const copy = copyRepo();
    appendFileSync(path.join(copy, 'src/lib/site/excerpt.ts'), '\n// changed\n');
    expect(writerVersion(copy)).toBe(ingestVersion(false));
  });
});
