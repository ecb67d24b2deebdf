import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RelatedFile } from './index-fs.ts';
import { readRelatedStories } from './related-fs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'clippings-related-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readRelatedStories', () => {
  it('finds no related stories where the index was not built', () => {
    expect(readRelatedStories(path.join(work, 'missing.json'), 'a-harbour')).toEqual([]);
  });

  it("gives a story's related stories by slug, reading the file once for the whole build", () => {
    const file = path.join(work, 'related.json');
    const related: RelatedFile = {
      stories: [
        { slug: 'a-harbour', title: 'Harbour works' },
        { slug: 'b-ferry', title: 'Ferry strike ends' },
        { slug: 'c-rain', title: 'Record rain' },
      ],
      related: [[1, 2], [0], []],
    };
    writeFileSync(file, JSON.stringify(related));
    expect(readRelatedStories(file, 'a-harbour')).toEqual([
      { slug: 'b-ferry', title: 'Ferry strike ends' },
      { slug: 'c-rain', title: 'Record rain' },
    ]);
    // Every story page of a build asks: the file is read and checked for once.
    rmSync(file);
    expect(readRelatedStories(file, 'b-ferry')).toEqual([{ slug: 'a-harbour', title: 'Harbour works' }]);
    expect(readRelatedStories(file, 'c-rain')).toEqual([]);
    expect(readRelatedStories(file, 'unknown')).toEqual([]);
  });
});
