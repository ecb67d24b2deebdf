/**
 * Shared by every browser test file and the global setup: build the sample
 * site, serve a built folder, launch Debian's Chromium.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

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
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * Ingest a raw archive and build the site from it into its own folders.
 *
 * @param rawDir Folder of raw dumps.
 * @param workDir Scratch folder; `articles/`, `dist/` and `cache/` are made in it.
 * @param env Extra environment for the build (page sizes, site URL).
 * @returns The built site's folder.
 */
export async function buildSite(rawDir: string, workDir: string, env: Record<string, string> = {}): Promise<string> {
  const node = path.join(ROOT, 'node_modules/.bin/node');
  const articles = path.join(workDir, 'articles');
  const outDir = path.join(workDir, 'dist');
  await run(node, ['scripts/ingest.ts', '--in', rawDir, '--out', articles]);
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
 * Serve a built site on 127.0.0.1 as a static host would: `index.html` for
 * folders, `404.html` with status 404 for anything missing.
 *
 * @param dir The built site's folder.
 * @param options.base The path the site is served under ("/archive/"), as a
 *   GitHub Pages project site is: anything outside it is a bare 404.
 * @param options.headers Headers sent with every response (a CSP).
 * @returns The site's URL (origin and base, ending in "/") and a function that stops the server.
 */
export async function serveDir(
  dir: string,
  options: { base?: string; headers?: Record<string, string> } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const base = options.base ?? '/';
  const server: Server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!`${requested}/`.startsWith(base)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('outside the base path');
      return;
    }
    const pathname = `/${requested.slice(base.length)}`;
    let file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir)) file = path.join(dir, '404.html');
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!requested.endsWith('/')) {
        response.writeHead(301, { Location: `${encodeURI(requested)}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const found = info && (await stat(file).catch(() => undefined))?.isFile();
    const target = found ? file : path.join(dir, '404.html');
    response.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      ...options.headers,
    });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
