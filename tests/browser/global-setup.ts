/**
 * Build the sample site once for the whole browser suite and serve it on
 * 127.0.0.1. Tests read `inject('baseURL')`, `inject('distDir')` and
 * `inject('articlesDir')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT, serveDir } from './helpers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site's origin, ending in "/". */
    baseURL: string;
    /** The built site's folder. */
    distDir: string;
    /** The entries the site was built from. */
    articlesDir: string;
  }
}

/** Small pages, so the sample's 14 stories span several listing and index pages. */
export const TEST_PAGE_SIZE = 5;
export const TEST_INDEX_PAGE_SIZE = 2;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'clippings-site-'));
  const distDir = await buildSite(path.join(ROOT, 'content/raw'), workDir, {
    CLIPPINGS_PAGE_SIZE: String(TEST_PAGE_SIZE),
    CLIPPINGS_INDEX_PAGE_SIZE: String(TEST_INDEX_PAGE_SIZE),
  });
  const server = await serveDir(distDir);
  project.provide('baseURL', server.url);
  project.provide('distDir', distDir);
  project.provide('articlesDir', path.join(workDir, 'articles'));
  return async () => {
    await server.close();
    if (!process.env.CLIPPINGS_KEEP_TEST_SITE) await rm(workDir, { recursive: true, force: true });
  };
}
