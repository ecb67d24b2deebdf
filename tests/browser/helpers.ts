/**
 * Shared by every browser test file and the global setup: build the sample
 * site, launch Debian's Chromium, read what it was built from. `static-server.ts` serves it.
 */
import { readdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch Chromium headless, with the flags that keep it quiet and offline.
 *
 * @returns A browser; close it when done.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Run a command and fail with its output when it fails.
 *
 * @param command The executable.
 * @param args Its arguments.
 * @param env Extra environment variables.
 */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

/**
 * Ingest a raw archive and build the site from it into its own folders.
 *
 * @param rawDir Folder of raw dumps.
 * @param workDir Scratch folder; `articles/`, `dist/` and `cache/` are made in it.
 * @param env Extra environment for the build (page sizes, site URL).
 * @param ingestArgs Extra arguments for the ingest (`--ledger FILE`).
 * @returns The built site's folder.
 */
export async function buildSite(rawDir: string, workDir: string, env: Record<string, string> = {}, ingestArgs: string[] = []): Promise<string> {
  const node = path.join(ROOT, 'node_modules/.bin/node');
  const articles = path.join(workDir, 'articles');
  const outDir = path.join(workDir, 'dist');
  await run(node, ['scripts/ingest.ts', '--in', rawDir, '--out', articles, ...ingestArgs]);
  await run(node, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    CLIPPINGS_ARTICLES_DIR: articles,
    CLIPPINGS_OUT_DIR: outDir,
    CLIPPINGS_CACHE_DIR: path.join(workDir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...env,
  });
  return outDir;
}

/**
 * Every HTML file of a built site, as paths relative to its folder.
 *
 * @param dir The built site's folder.
 * @returns Sorted relative paths ("index.html", "articles/x/index.html").
 */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Open a page and wait until it has loaded.
 *
 * @param page A Playwright page.
 * @param url Absolute URL.
 * @returns The response's status.
 */
export async function openPage(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'load' });
  return response?.status() ?? 0;
}

/** An entry the site was built from: its frontmatter and body. */
export interface BuiltEntry {
  slug: string;
  title: string;
  subtitle?: string;
  captions: Array<{ text: string; credit?: string; lead: boolean }>;
  source: Array<{ file: string; index: number; line: number }>;
  wordCount: number;
  /** The body's `## ` headings, as written (Markdown escapes included). */
  headings: string[];
}

/**
 * Read the entries a site was built from.
 *
 * @param dir The articles folder.
 * @returns Every entry, in file name order.
 */
export async function readEntries(dir: string): Promise<BuiltEntry[]> {
  const { load } = await import('js-yaml');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const { readFile } = await import('node:fs/promises');
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const headings = body.split('\n').flatMap((line) => (line.startsWith('## ') ? [line.slice(3)] : []));
      return { ...(load(yaml) as Omit<BuiltEntry, 'headings'>), headings };
    }),
  );
}
