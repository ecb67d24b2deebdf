/**
 * A site built from hostile but plausible dumps: story text that looks like
 * HTML, Markdown, URLs and typography is shown as the dump wrote it, on every
 * page it reaches, and never runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, launchBrowser, listHtmlFiles, openPage, readEntries, type BuiltEntry } from './helpers.ts';
import { serveStatic } from './static-server.ts';

const TITLE = 'Council <img src=x onerror=alert(1)> Minutes "Published" -- At Last...';
const SUBTITLE = 'A <script>alert(2)</script> standfirst ~~struck~~';
const LEAD = 'The council chamber <svg onload=alert(3)> on Tuesday';
const PARAGRAPHS = [
  'The minutes are at https://council.example/minutes<img src=x onerror=alert(1)> for anyone to read.',
  'See www.example.org/a<script>alert(1)</script> and the rest of the story, which goes on for a while.',
  'Filed at https://example.com/x<a href="javascript:alert(1)">click</a> yesterday, the clerk said.',
  'An aside <!-- that never closes, and "quoted" words -- then... nothing; ~~four~~ struck.',
  'Residents said the council had published the minutes late &amp; in part, *if* at all.',
];
const INLINE = 'Flood <b onclick="alert(1)">barriers</b> at the quay';

const BIDI_TITLE = 'Invoice \u202Egnp.exe\u202C Scandal \u0001 Grows';
const LONG_TITLE = `Council ${'Minutes Published '.repeat(300).trim()}`;

const DUMPS = {
  'hostile-1.txt': [
    TITLE,
    '',
    SUBTITLE,
    '',
    `${LEAD} (Photo by <i>Jo</i> / AFP)`,
    `${LEAD} (Photo by <i>Jo</i> / AFP)`,
    'TT',
    '',
    TITLE,
    '',
    PARAGRAPHS[0],
    PARAGRAPHS[1],
    `${INLINE} (AFP)`,
    `${INLINE} (AFP)`,
    PARAGRAPHS[2],
    PARAGRAPHS[3],
    PARAGRAPHS[4],
    '',
  ],
  'hostile-2.txt': [
    'Second Council Minutes <img src=y onerror=alert(4)> Story',
    'TT',
    'Second Council Minutes <img src=y onerror=alert(4)> Story',
    'The council minutes were published <b>late</b> again, residents said of the council minutes.',
    'A clerk wrote <a href="javascript:alert(5)">minutes</a> for the council, published at last.',
    '',
  ],
  'hostile-3.txt': [BIDI_TITLE, 'TT', BIDI_TITLE, 'The invoice scandal grew again on Tuesday as the council minutes were published at last.', ''],
  'hostile-4.txt': [LONG_TITLE, 'TT', LONG_TITLE, 'A story with a very long headline about the council minutes, published at last.', ''],
};

let workDir: string;
let server: { url: string; close: () => Promise<void> };
let distDir: string;
let entries: BuiltEntry[];
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'clippings-hostile-'));
  const raw = path.join(workDir, 'raw');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(raw);
  for (const [name, lines] of Object.entries(DUMPS)) await writeFile(path.join(raw, name), lines.join('\n'));
  distDir = await buildSite(raw, workDir);
  server = await serveStatic(distDir);
  entries = await readEntries(path.join(workDir, 'articles'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Elements or attributes on the page that only story text could have made. */
function findInjected(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}`);
      }
    }
    for (const element of document.querySelectorAll('body img, body svg:not([aria-hidden]), i, b, del, s, em')) found.push(element.outerHTML);
    // A bidi override in story text must not reach text outside it: its
    // nearest isolating or block ancestor holds nothing else.
    const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
    if (BIDI.test(document.title)) found.push('bidi control in <title>');
    for (const meta of document.querySelectorAll('meta[content]')) {
      if (BIDI.test(meta.getAttribute('content') ?? '')) found.push(`bidi control in ${meta.outerHTML}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!BIDI.test(node.nodeValue ?? '')) continue;
      let container = node.parentElement;
      while (container) {
        const style = getComputedStyle(container);
        if (/isolate|plaintext/.test(style.unicodeBidi) || !style.display.startsWith('inline')) break;
        container = container.parentElement;
      }
      const isolated = container && /isolate|plaintext/.test(getComputedStyle(container).unicodeBidi);
      if (!isolated && container?.textContent?.trim() !== node.nodeValue?.trim())
        found.push(`bidi override not isolated in ${container?.outerHTML.slice(0, 200)}`);
    }
    for (const script of document.querySelectorAll('script')) {
      if (script.type === 'application/ld+json') {
        try {
          JSON.parse(script.textContent ?? '');
        } catch {
          found.push('JSON-LD that does not parse');
        }
      } else if (script.textContent?.includes('alert(')) {
        found.push('script');
      }
    }
    return found;
  });
}

describe('a site built from hostile dumps', () => {
  it('fires no dialog and holds no element or attribute from story text on any page', async () => {
    const files = await listHtmlFiles(distDir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      await openPage(page, server.url + file.replace(/index\.html$/, ''));
      expect(await findInjected(page), file).toEqual([]);
    }
    await openPage(page, `${server.url}search/?q=${encodeURIComponent('council minutes')}`);
    // The results with their records' story text: a link can show first, from the headline in the index.
    await page.locator('#search-page-results .search-result-snippet').first().waitFor({ timeout: 30_000 });
    expect(await findInjected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shows the story’s headline, standfirst, captions and paragraphs exactly as the dump wrote them', async () => {
    const entry = entries.find((e) => e.title === TITLE);
    expect(entry).toBeDefined();
    await openPage(page, `${server.url}articles/${encodeURIComponent(entry?.slug ?? '')}/`);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await page.locator('.story-subtitle').textContent()).toBe(SUBTITLE);
    expect((await page.locator('.story-header figcaption').textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${LEAD} (Photo by <i>Jo</i> / AFP)`);
    expect(await page.locator('.story-body p').allTextContents()).toEqual(PARAGRAPHS);
    expect(await page.locator('.story-body figcaption').allTextContents()).toEqual([`${INLINE} (AFP)`]);
    expect(await page.title()).toContain(TITLE);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { headline?: string };
    expect(jsonLd.headline).toBe(TITLE);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
    expect(dialogs).toEqual([]);
  });

  it('keeps bidi overrides, control characters and absurd lengths out of titles in metadata', async () => {
    for (const title of [BIDI_TITLE, LONG_TITLE]) {
      const entry = entries.find((e) => e.title === title);
      expect(entry, title.slice(0, 40)).toBeDefined();
      await openPage(page, `${server.url}articles/${encodeURIComponent(entry?.slug ?? '')}/`);
      expect(await page.locator('h1').textContent()).toBe(title);
      const documentTitle = await page.title();
      expect(documentTitle).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]/);
      const ogTitle = (await page.locator('meta[property="og:title"]').getAttribute('content')) ?? '';
      expect(Array.from(ogTitle).length).toBeLessThanOrEqual(200);
      expect(documentTitle.startsWith(ogTitle)).toBe(true);
    }
    expect(entries.find((e) => e.title === BIDI_TITLE)?.slug).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('serves a well-formed feed whose descriptions read as plain text', async () => {
    await openPage(page, server.url);
    const items = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/rss.xml')).text(), 'application/xml');
      if (xml.querySelector('parsererror')) return 'not well-formed';
      return Array.from(xml.querySelectorAll('item'), (item) => {
        const html = new DOMParser().parseFromString(item.querySelector('description')?.textContent ?? '', 'text/html');
        return { title: item.querySelector('title')?.textContent, elements: html.body.querySelectorAll('*').length, text: html.body.textContent };
      });
    });
    expect(items).not.toBe('not well-formed');
    const list = items as Array<{ title: string; elements: number; text: string }>;
    expect(list.map((item) => item.elements)).toEqual(list.map(() => 0));
    expect(list.find((item) => item.title === TITLE)?.text).toBe(SUBTITLE);
    expect(list.map((item) => item.title)).toContain('Invoice gnp.exe Scandal Grows');
  });

  it('lists the headline as written on the front page and the A–Z index', async () => {
    await openPage(page, server.url);
    expect(await page.locator('.story-card-title').allTextContents()).toContain(TITLE);
    await openPage(page, `${server.url}a-z/`);
    expect(await page.locator('main').textContent()).toContain(TITLE);
  });
});
