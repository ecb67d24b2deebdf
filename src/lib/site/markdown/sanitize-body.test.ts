import { describe, expect, test } from 'vitest';
import type { Root } from 'hast';
import { STORY_BODY_SCHEMA, sanitizeTree } from './sanitize-body.ts';

type Node = Root['children'][number];
const el = (tagName: string, properties: Record<string, unknown>, ...children: Node[]): Node => ({ type: 'element', tagName, properties, children }) as Node;
const text = (value: string): Node => ({ type: 'text', value });

describe('sanitizeTree', () => {
  test('keeps what the story-body pipeline builds as it is', () => {
    const tree: Root = {
      type: 'root',
      children: [
        el('p', {}, text('A <b>.')),
        el(
          'div',
          { className: ['heading-wrapper', 'level-h2'] },
          el('h2', { id: 'who-pays' }, text('Who pays?')),
          el(
            'a',
            { className: ['heading-anchor'], href: '#who-pays', ariaLabel: 'Link to the section “Who pays?”' },
            el('span', { ariaHidden: 'true' }, text('#')),
          ),
        ),
        el('figure', { className: ['inline-photo'] }, el('figcaption', {}, text('Sandbags '), el('span', { className: ['credit'] }, text('(AFP)')))),
      ],
    };
    expect(sanitizeTree(tree, STORY_BODY_SCHEMA)).toEqual(tree);
  });

  test('replaces other elements by their text, and drops other properties, script links, comments and raw HTML', () => {
    const tree = {
      type: 'root',
      children: [
        el('script', {}, text('alert(1)')),
        el(
          'p',
          { onClick: 'alert(1)', className: ['x'] },
          el('img', { src: 'x', onError: 'alert(1)' }),
          el('a', { href: 'javascript:alert(1)' }, text('link')),
        ),
        { type: 'comment', value: 'c' },
        { type: 'raw', value: '<b>' },
        el('h3', { id: 'deeper' }, el('em', {}, text('Deeper'))),
      ],
    } as Root;
    expect(sanitizeTree(tree, STORY_BODY_SCHEMA)).toEqual({
      type: 'root',
      children: [text('alert(1)'), el('p', {}, el('a', {}, text('link'))), text('Deeper')],
    });
  });
});
