/**
 * Quoting a story: a reader selects its first paragraph and copies it, and
 * the clipboard holds exactly the entry's text, the drop cap's letter and the
 * space after it included ("A fire…", never "Afire…").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readBodyBlocks, splitEntryFile } from '../../src/lib/entry-text.ts';
import { launchBrowser, openPage, readEntries, type BuiltEntry } from './helpers.ts';

const baseURL = inject('baseURL');
const articlesDir = inject('articlesDir');
let browser: Browser;
let entries: BuiltEntry[];

beforeAll(async () => {
  browser = await launchBrowser();
  entries = await readEntries(articlesDir);
});
afterAll(async () => browser?.close());

/** The entry's first body block when it is a paragraph: what the page shows first. */
async function readOpening(slug: string): Promise<string | undefined> {
  const { body } = splitEntryFile(await readFile(path.join(articlesDir, `${slug}.md`), 'utf8'));
  const first = readBodyBlocks(body)[0];
  return first?.type === 'paragraph' ? first.text : undefined;
}

describe('copy fidelity', () => {
  it("copies each story's first paragraph as the entry's text, with or without a drop cap", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    const page = await context.newPage();
    const mismatches: string[] = [];
    let oneLetterOpenings = 0;
    let dropCaps = 0;
    for (const entry of entries) {
      const opening = await readOpening(entry.slug);
      if (opening === undefined) continue;
      if (/^\P{L}*\p{L}\s/u.test(opening)) oneLetterOpenings++;
      await openPage(page, `${baseURL}articles/${encodeURIComponent(entry.slug)}/`);
      if ((await page.locator('.story-body.drop-cap').count()) > 0) dropCaps++;
      // Select the paragraph as a reader's triple-click would, then copy as Ctrl+C would.
      const selected = await page.evaluate(() => {
        const paragraph = document.querySelector('.story-body > p:first-child')!;
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      });
      await page.keyboard.press('Control+C');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      if (selected !== opening || copied !== opening) mismatches.push(`${entry.slug}: copied ${JSON.stringify(copied)}, selected ${JSON.stringify(selected)}`);
    }
    await context.close();
    // The sample holds both kinds of opening, so both paths are exercised.
    expect(oneLetterOpenings).toBeGreaterThan(0);
    expect(dropCaps).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
