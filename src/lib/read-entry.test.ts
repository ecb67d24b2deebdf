import { describe, expect, test } from 'vitest';
import { parseEntryFile } from './read-entry.ts';

const frontmatter = 'title: A Title\nsource:\n  - file: a.txt\n    index: 0\n    line: 1\nslug: a-title-abcdef\nid: abcdef0123456789\nwordCount: 2\n';

describe('parseEntryFile', () => {
  test('reads the entry, with the schema’s defaults, and its body', () => {
    const parsed = parseEntryFile(`---\n${frontmatter}---\n\nTwo words.\n`);
    expect(parsed).toMatchObject({ entry: { title: 'A Title', captions: [], slug: 'a-title-abcdef' }, body: '\nTwo words.\n' });
  });

  test('says when the frontmatter is not YAML', () => {
    expect(parseEntryFile('---\ntitle: [unclosed\n---\n')).toMatch(/^cannot read the frontmatter: /);
  });

  test('says which field breaks the schema', () => {
    expect(parseEntryFile(`---\n${frontmatter.replace('wordCount: 2', 'wordCount: -1')}---\n`)).toMatch(/^invalid frontmatter at "wordCount": /);
  });
});
