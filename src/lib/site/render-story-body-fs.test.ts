import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderStoryBodyFile } from './render-story-body-fs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clippings-body-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('renderStoryBodyFile', () => {
  test('renders the body of an entry file, not its frontmatter', async () => {
    const file = path.join(dir, 'entry.md');
    await writeFile(file, '---\ntitle: Not shown\n---\n\nA \\<b> line.\n\n## Section\n');
    const { html, headings } = await renderStoryBodyFile(file);
    expect(html).toMatch(/^<p>A &lt;b&gt; line\.<\/p>\n<div class="heading-wrapper level-h2"><h2 id="section">Section<\/h2>/);
    expect(html).not.toContain('Not shown');
    expect(headings).toEqual([{ slug: 'section', text: 'Section' }]);
  });
});
