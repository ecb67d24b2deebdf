import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlesLoader } from './articles-loader-fs.ts';
import { StorySchema } from './story.ts';

/** The parts of Astro's loader context the loader uses, kept in a Map. */
function fakeContext(root: string) {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string; filePath?: string }>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: { id: string; data: Record<string, unknown>; digest?: string; filePath?: string }) => {
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  let parsed = 0;
  const context = {
    store,
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      parsed++;
      return StorySchema.parse(data);
    },
    generateDigest: (text: string) => String(text.length) + text.slice(-40),
    logger: { info: () => {} },
    config: { root: pathToFileURL(`${root}/`) },
  };
  return { entries, context, parsedCount: () => parsed };
}

const entryFile = (slug: string, title = 'A Title') =>
  `---\ntitle: ${title}\ncaptions:\n  - text: A lead photo\n    credit: AFP\n    lead: true\nsource:\n  - file: a.txt\n    index: 0\n    line: 1\nslug: ${slug}\nid: 0123456789abcdef\nwordCount: 460\n---\n\nFirst paragraph.\n`;

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-loader-'));
  dir = path.join(root, 'articles');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('articlesLoader', () => {
  it('stores each entry’s metadata under its slug, with its path relative to the root', async () => {
    await writeFile(path.join(dir, 'a-title-abc123.md'), entryFile('a-title-abc123'));
    const { entries, context } = fakeContext(root);
    await articlesLoader(dir).load(context as never);
    const entry = entries.get('a-title-abc123');
    expect(entry?.filePath).toBe('articles/a-title-abc123.md');
    expect(entry?.data).toMatchObject({ title: 'A Title', excerpt: 'First paragraph.', readingMinutes: 2, dir: 'ltr' });
    expect(entry?.data).not.toHaveProperty('captions');
    expect(entry?.data.leadCaptions).toEqual([{ text: 'A lead photo', credit: 'AFP', lead: true }]);
  });

  it('skips unchanged files on the next run and drops entries whose file is gone', async () => {
    await writeFile(path.join(dir, 'one-abc123.md'), entryFile('one-abc123'));
    await writeFile(path.join(dir, 'two-abc123.md'), entryFile('two-abc123'));
    const { entries, context, parsedCount } = fakeContext(root);
    await articlesLoader(dir).load(context as never);
    expect(parsedCount()).toBe(2);
    await rm(path.join(dir, 'two-abc123.md'));
    await articlesLoader(dir).load(context as never);
    expect(parsedCount()).toBe(2);
    expect([...entries.keys()]).toEqual(['one-abc123']);
  });

  it('reports every bad file at once, with its path and what was expected', async () => {
    await writeFile(path.join(dir, 'wrong-name.md'), entryFile('right-name-abc123'));
    await writeFile(path.join(dir, 'no-title.md'), entryFile('no-title').replace('title: A Title\n', ''));
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    const { context } = fakeContext(root);
    const error = await articlesLoader(dir)
      .load(context as never)
      .catch((e: Error) => e);
    const message = (error as Error).message.replaceAll(dir, '<dir>');
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^articles: <dir>\/broken\.md: cannot read the frontmatter: /),
      'articles: <dir>/no-title.md: invalid frontmatter at "title": Invalid input: expected string, received undefined',
      'articles: <dir>/wrong-name.md: the file is named "wrong-name.md", expected "right-name-abc123.md" (its slug)',
    ]);
  });

  it('says to run the ingest when the folder is missing', async () => {
    const { context } = fakeContext(root);
    await expect(articlesLoader(path.join(root, 'nope')).load(context as never)).rejects.toThrow(
      /cannot read the folder, expected the ingest's output \(run `npm run ingest`\)/,
    );
  });
});
