/**
 * A story's body rendered from its entry file, read when its page is built,
 * so the content store never holds 100k bodies.
 */
import { readFileSync } from 'node:fs';
import { renderStoryBody, type RenderedBody } from './render-story-body.ts';

/**
 * Read an entry file and render its body.
 *
 * @param file Absolute path of the entry.
 * @returns The HTML and the section headings.
 */
export function renderStoryBodyFile(file: string): Promise<RenderedBody> {
  // A synchronous read of one small file costs less than fs/promises' open, stat, read and close.
  return renderStoryBody(readFileSync(file, 'utf8'));
}
