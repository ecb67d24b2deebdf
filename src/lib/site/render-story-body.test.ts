import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStoryBody } from './render-story-body.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clippings-body-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function render(body: string) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.md`);
  await writeFile(file, `---\ntitle: T\n---\n\n${body}`);
  return renderStoryBody(file);
}

describe('renderStoryBody', () => {
  it('keeps escaped Markdown and HTML from the dumps as text', async () => {
    const { html } = await render('A review said \\<script>alert(1)\\</script> and \\*stars\\*.\n\n\\# Not a heading\n');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('*stars*');
    expect(html).toContain('<p># Not a heading</p>');
    expect(html).not.toMatch(/<script|<em>|<h1/);
  });

  it('gives section headings ids and anchor links, and lists them', async () => {
    const { html, headings } = await render('Intro.\n\n## How the vote unfolded\n\nText.\n\n## Who pays?\n\nMore.\n');
    expect(headings).toEqual([
      { slug: 'how-the-vote-unfolded', text: 'How the vote unfolded' },
      { slug: 'who-pays', text: 'Who pays?' },
    ]);
    expect(html).toContain('<h2 id="how-the-vote-unfolded">How the vote unfolded</h2><a class="heading-anchor" href="#how-the-vote-unfolded"');
  });

  it('passes inline photo figures through where they stood', async () => {
    const figure = '<figure class="inline-photo"><figcaption>Sandbags &#60;here&#62; <span class="credit">(AFP)</span></figcaption></figure>';
    const { html } = await render(`Before.\n\n${figure}\n\nAfter.\n`);
    expect(html.indexOf('Before.')).toBeLessThan(html.indexOf('<figure class="inline-photo">'));
    expect(html.indexOf('</figure>')).toBeLessThan(html.indexOf('After.'));
    expect(html).toContain('Sandbags &#60;here&#62; <span class="credit">(AFP)</span>');
  });
});
