/**
 * Read one entry file as the ingest wrote it: its frontmatter, checked against
 * the entry schema, and its Markdown body. Everything that reads entries (the
 * site's loader, the search index) goes through here.
 */
import { load as loadYaml } from 'js-yaml';
import { EntrySchema, type Entry } from './entry-schema.ts';
import { splitEntryFile } from './entry-text.ts';

/**
 * Parse and validate an entry file.
 *
 * @param file The file's contents.
 * @returns The entry and its body, or a sentence saying what is wrong with the frontmatter.
 */
export function parseEntryFile(file: string): { entry: Entry; body: string } | string {
  const { yaml, body } = splitEntryFile(file);
  let raw: unknown;
  try {
    raw = loadYaml(yaml);
  } catch (error) {
    return `cannot read the frontmatter: ${(error as Error).message.split('\n')[0]}`;
  }
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `invalid frontmatter at "${issue?.path.join('.')}": ${issue?.message}`;
  }
  return { entry: parsed.data, body };
}
