/**
 * The search index build in a worker thread: the integration starts it as
 * soon as the config is known, so it runs on the second core while Astro
 * syncs content on the first. It says when related stories are written (pages
 * need them), then writes the rest while pages render.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexArchive, writeIndexFiles } from '../lib/search/build/index-fs.ts';
import type { WorkerMessage } from './search-index.ts';

const { articlesDir, stage } = workerData as { articlesDir: string; stage: string };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const indexed = await indexArchive(articlesDir, stage);
post({ related: true });
post({ stats: await writeIndexFiles(indexed, articlesDir, stage) });
