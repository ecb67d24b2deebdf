/**
 * The site under its own Content-Security-Policy, sent as a header the way
 * Netlify or Cloudflare Pages send it from `dist/_headers`: every page loads,
 * the theme toggle works and search answers with no violation reported.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listHtmlFiles, openPage } from './helpers.ts';
import { serveStatic } from './static-server.ts';
import { TEST_BASE } from './global-setup.ts';

const distDir = inject('distDir');
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let rules: Map<string, Map<string, string>>;

/** The `_headers` file as path → header name → value. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const parsed = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) parsed.set(line.trim(), (current = new Map()));
    else {
      const [, name = '', value = ''] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
      current?.set(name, value);
    }
  }
  return parsed;
}

beforeAll(async () => {
  rules = parseHeadersFile(await readFile(path.join(distDir, '_headers'), 'utf8'));
  const everyPath = rules.get(`${TEST_BASE}*`);
  server = await serveStatic(distDir, { base: TEST_BASE, headers: Object.fromEntries(everyPath ?? []) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Whether a file name ends in a hash: Vite's 8 characters before the extension, not a word
 * ("Cr1I1Bcp", "DTIX_MFH"), or a search file's number and base-36 hash ("0-kwyrjb.jz").
 */
function hasContentHash(name: string): boolean {
  if (/^\d+-[a-z0-9]{6,}\.\w+$/.test(name)) return true;
  const token = /[.-]([\w-]{6,12})\.\w+$/.exec(name)?.[1] ?? '';
  return /\d/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token)) || /^(?=.*[A-Z])(?=.*_)[A-Z_]{8}$/.test(token);
}

/** A page that records every CSP violation, from the DOM event and from the console. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

describe('_headers', () => {
  it('carries a Content-Security-Policy with no unsafe source on every path', () => {
    const csp = rules.get(`${TEST_BASE}*`)?.get('Content-Security-Policy') ?? '';
    // The theme script and the search page's own code and style, allowed by their hashes.
    expect(csp).toMatch(/script-src 'self'( 'sha256-[\w+/=]+'){2};/);
    expect(csp).toMatch(/style-src 'self'( 'sha256-[\w+/=]+')+;/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-|\*/);
  });

  it('caches for a year only files whose names carry a content hash', async () => {
    const immutable = [...rules].filter(([, headers]) => headers.get('Cache-Control')?.includes('immutable')).map(([rule]) => rule);
    expect(immutable.length).toBeGreaterThanOrEqual(3);
    const files = (await readdir(distDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => `${TEST_BASE}${path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
    const covered = files.filter((file) => immutable.some((rule) => file.startsWith(rule.slice(0, -1))));
    expect(covered.length).toBeGreaterThan(3);
    expect(covered.filter((file) => !hasContentHash(path.basename(file)))).toEqual([]);
    for (const file of ['search/data/manifest.json', 'search/data/docs/*']) {
      expect(rules.get(`${TEST_BASE}${file}`)?.get('Cache-Control'), file).toBe('public, max-age=0, must-revalidate');
    }
  });
});

describe('Content-Security-Policy', () => {
  // Every page: 170 on the sample with the knowledge pages, a few minutes on a busy machine.
  it('reports no violation on any built page', { timeout: 600_000 }, async () => {
    const { page, violations } = await watchedPage();
    const pages = (await listHtmlFiles(distDir)).map((file) => (file === '404.html' ? 'no-such-page/' : file.replace(/index\.html$/, '')));
    for (const route of pages) await openPage(page, new URL(encodeURI(route), server.url).href);
    expect(pages.length).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('runs the theme script and the toggle under the policy', async () => {
    const { page, violations } = await watchedPage();
    await openPage(page, server.url);
    const toggle = page.locator('[data-theme-toggle]');
    await toggle.click();
    const chosen = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(chosen).toMatch(/^(light|dark)$/);
    await page.reload();
    // The inline theme script (allowed by its hash) restored the choice before the toggle's own script ran.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(chosen);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('searches from the header box and on the search page under the policy', async () => {
    const { page, violations } = await watchedPage();
    await openPage(page, server.url);
    await page.locator('#site-search').fill('harbour');
    await page.locator('.search-panel .search-result').first().waitFor();
    await openPage(page, `${server.url}search/?q=ferry`);
    // With the records: they are fetched once the links show.
    await page.locator('#search-page-results .search-result-snippet').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
