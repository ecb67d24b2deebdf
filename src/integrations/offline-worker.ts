/**
 * The offline files' build in a worker thread (`offline.ts` says why).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeOfflineFiles } from './offline.ts';

const { dir, site } = workerData as { dir: string; site: Parameters<typeof writeOfflineFiles>[1] };
parentPort?.postMessage(await writeOfflineFiles(dir, site));
