import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDump } from './parse-dump.ts';
import { buildEntry } from './build-entry.ts';
import { serializeEntry } from './serialize-entry.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** The whole ingest of one dump, as text: every entry it writes, then every error. */
function ingestToText(input: string): string {
  const { articles, errors } = parseDump(input, 'input.txt');
  const entries = articles.map((article, n) => {
    const { entry, body } = buildEntry(article, [{ file: 'input.txt', index: article.index, line: article.line }]);
    return `<!-- entry ${n + 1} of ${articles.length} -->\n${serializeEntry(entry, body)}`;
  });
  const problems = errors.map((error) => error.message);
  return [...entries, `<!-- errors: ${problems.length} -->\n${problems.join('\n')}\n`].join('\n');
}

describe('ingest fixtures (golden)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, async () => {
      const input = readFileSync(new URL(`${name}/input.txt`, FIXTURES), 'utf8');
      await expect(ingestToText(input)).toMatchFileSnapshot(`./fixtures/${name}/expected.md`);
    });
  }
});
