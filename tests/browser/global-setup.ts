/**
 * Build the sample site once for the whole browser suite and serve it on
 * 127.0.0.1. The site is configured as a user would configure their own
 * archive, through the environment variables that override
 * `clippings.config.ts`: another name, and a base path, served under it as a
 * GitHub Pages project site is. Every browser test therefore runs under a
 * base path. Tests read `inject('baseURL')`, `inject('distDir')` and
 * `inject('articlesDir')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './helpers.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site's URL: origin and base path, ending in "/". */
    baseURL: string;
    /** The built site's folder. */
    distDir: string;
    /** The entries the site was built from. */
    articlesDir: string;
  }
}

/** Small pages, so the sample's 15 stories span several listing and index pages. */
export const TEST_PAGE_SIZE = 5;
export const TEST_INDEX_PAGE_SIZE = 2;
/** The archive's name and base path in the browser suite: not the defaults, so a hard-coded one shows. */
export const TEST_NAME = 'Harbour Gazette';
export const TEST_BASE = '/archive/';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'clippings-site-'));
  const distDir = await buildSite(path.join(ROOT, 'content/raw'), workDir, {
    CLIPPINGS_PAGE_SIZE: String(TEST_PAGE_SIZE),
    CLIPPINGS_INDEX_PAGE_SIZE: String(TEST_INDEX_PAGE_SIZE),
    CLIPPINGS_NAME: TEST_NAME,
    CLIPPINGS_BASE: TEST_BASE,
  });
  const server = await serveStatic(distDir, { base: TEST_BASE });
  project.provide('baseURL', server.url);
  project.provide('distDir', distDir);
  project.provide('articlesDir', path.join(workDir, 'articles'));
  return async () => {
    await server.close();
    if (!process.env.CLIPPINGS_KEEP_TEST_SITE) await rm(workDir, { recursive: true, force: true });
  };
}
