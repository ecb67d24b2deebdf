import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { ElementContent, Root } from 'hast';
import { htmlToHast } from 'satteri';
import type { Entry } from '../entry-schema.ts';
import { serializeEntry } from '../ingest/serialize-entry.ts';
import { toMdast } from '../ingest/to-mdast.ts';
import type { Block } from '../ingest/types.ts';
import { AUTOLINK_SHAPES, HOSTILE_EXAMPLES, hostileText } from './hostile-text.ts';
import { renderStoryBody, type RenderedBody } from './render-story-body.ts';

const entry: Entry = {
  title: 'Title',
  captions: [],
  source: [{ file: 'a.txt', index: 0, line: 1 }],
  slug: 'title-abcdef',
  id: 'abcdef0123456789',
  wordCount: 1,
  people: [],
  places: [],
  organisations: [],
  dates: [],
  quotes: [],
};

/** What the ingest writes for these blocks, rendered by the site's own pipeline. */
function renderBlocks(blocks: Block[]): Promise<RenderedBody> {
  return renderStoryBody(serializeEntry(entry, toMdast(blocks)));
}

/** The rendered HTML as a browser's parser reads it, without the newlines between blocks. */
function parse(html: string): ElementContent[] {
  const root = htmlToHast(html, { fragment: true }) as Root;
  return root.children.filter((node): node is ElementContent => !(node.type === 'text' && /^\s*$/.test(node.value)));
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The only tree a body may become: the pipeline's own elements and
 * attributes, with story text only in text nodes and the anchor's label.
 */
function expectedTree(blocks: Block[], ids: string[]): ElementContent[] {
  let heading = 0;
  return blocks.map((block): ElementContent => {
    if (block.type === 'paragraph') return { type: 'element', tagName: 'p', properties: {}, children: [text(block.text)] };
    if (block.type === 'heading') {
      const id = ids[heading++] ?? '';
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', 'level-h2'] },
        children: [
          { type: 'element', tagName: 'h2', properties: { id }, children: [text(block.text)] },
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to the section “${block.text}”` },
            children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [text('#')] }],
          },
        ],
      };
    }
    const { text: caption, credit } = block.caption;
    const children: ElementContent[] = credit
      ? [text(`${caption} `), { type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [text(`(${credit})`)] }]
      : [text(caption)];
    return {
      type: 'element',
      tagName: 'figure',
      properties: { className: ['inline-photo'] },
      children: [{ type: 'element', tagName: 'figcaption', properties: {}, children }],
    };
  });
}

async function expectTextStaysText(blocks: Block[]): Promise<void> {
  const { html, headings } = await renderBlocks(blocks);
  const headingTexts = blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []));
  expect(headings.map((heading) => heading.text)).toEqual(headingTexts);
  expect(parse(html)).toEqual(
    expectedTree(
      blocks,
      headings.map((heading) => heading.slug),
    ),
  );
}

// A heading the ingest would take for one starts like a title, so it has a slug.
const headingText = hostileText.map((value) => `A ${value}`);
const block: fc.Arbitrary<Block> = fc.oneof(
  hostileText.map((value) => ({ type: 'paragraph' as const, text: value, line: 1 })),
  headingText.map((value) => ({ type: 'heading' as const, text: value, line: 1 })),
  fc.record({ caption: hostileText, credit: fc.option(hostileText, { nil: undefined }) }).map(({ caption, credit }) => ({
    type: 'figure' as const,
    caption: { text: caption, ...(credit ? { credit } : {}), lead: false },
    line: 1,
  })),
);

describe('renderStoryBody', () => {
  test('shows each hostile line from the review as the text the dump wrote, in a paragraph, a heading and a caption', async () => {
    for (const line of HOSTILE_EXAMPLES) {
      await expectTextStaysText([
        { type: 'paragraph', text: line, line: 1 },
        { type: 'heading', text: `A ${line}`, line: 2 },
        { type: 'figure', caption: { text: line, credit: line, lead: false }, line: 3 },
      ]);
    }
  });

  test('shows text shaped like an autolink or HTML as written, with no link, in a paragraph, a heading and a caption', async () => {
    for (const line of AUTOLINK_SHAPES) {
      await expectTextStaysText([
        { type: 'paragraph', text: line, line: 1 },
        { type: 'heading', text: `A ${line}`, line: 2 },
        { type: 'figure', caption: { text: line, credit: line, lead: false }, line: 3 },
      ]);
    }
  });

  test('makes no element or attribute from story text, and changes none of its characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => expectTextStaysText(blocks)),
      { numRuns: 400 },
    );
  });

  test('renders an inline photo where it stood, as a figure with its credit', async () => {
    const { html } = await renderBlocks([
      { type: 'paragraph', text: 'Before.', line: 1 },
      { type: 'figure', caption: { text: 'Sandbags <here>', credit: 'AFP', lead: false }, line: 2 },
      { type: 'paragraph', text: 'After.', line: 3 },
    ]);
    expect(html).toBe(
      '<p>Before.</p>\n<figure class="inline-photo"><figcaption>Sandbags &lt;here&gt; <span class="credit">(AFP)</span></figcaption></figure>\n<p>After.</p>\n',
    );
  });

  test('gives section headings ids and anchor links, and lists them', async () => {
    const { html, headings } = await renderStoryBody('Intro.\n\n## How the vote unfolded\n\nText.\n\n## Who pays?\n\nMore.\n');
    expect(headings).toEqual([
      { slug: 'how-the-vote-unfolded', text: 'How the vote unfolded' },
      { slug: 'who-pays', text: 'Who pays?' },
    ]);
    expect(html).toContain(
      '<div class="heading-wrapper level-h2"><h2 id="how-the-vote-unfolded">How the vote unfolded</h2>' +
        '<a class="heading-anchor" href="#how-the-vote-unfolded" aria-label="Link to the section “How the vote unfolded”">' +
        '<span aria-hidden="true">#</span></a></div>',
    );
  });

  test('keeps HTML and links written into an entry by hand from becoming markup', async () => {
    const { html } = await renderStoryBody(
      [
        '<script>alert(1)</script>',
        '',
        '<div onclick="alert(1)">',
        '',
        'A <b onmouseover="alert(1)">tag</b> <!-- comment --> [link](javascript:alert(1)) ![photo](x.png) <javascript:alert(2)>',
        '',
        '### Deeper *heading*',
        '',
        '- a list',
      ].join('\n'),
    );
    expect(html).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;div onclick="alert(1)"&gt;\n' +
        '<p>A &lt;b onmouseover="alert(1)"&gt;tag&lt;/b&gt; &lt;!-- comment --&gt; <a>link</a>  <a>javascript:alert(2)</a></p>\n' +
        'Deeper heading\n\na list\n',
    );
  });
});
