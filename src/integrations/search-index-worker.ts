/**
 * The search index build in a worker thread: the integration starts it as
 * soon as the config is known, so it runs on the second core while Astro
 * syncs content on the first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchFiles } from '../lib/search/build/index-fs.ts';

const { articlesDir, stage } = workerData as { articlesDir: string; stage: string };
parentPort?.postMessage(await writeSearchFiles(articlesDir, stage));
