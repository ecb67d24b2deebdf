import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createWorkerPool } from './worker-pool.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'clippings-pool-'));
const script = path.join(dir, 'worker.mjs');
// Doubles numbers, answers the size of a task's bytes; dies on "die", reports a crash on "throw".
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  if (task === 'die') throw new Error('worker died');
  if (typeof task === 'object') return parentPort.postMessage(task.bytes.byteLength);
  if (task === 'throw') return parentPort.postMessage({ kind: 'crash', message: 'task failed' });
  parentPort.postMessage(task * 2);
});`,
);
// Answers each task a little later with the most tasks it has held at once
// (given and not yet answered) so far.
const counter = path.join(dir, 'counter.mjs');
writeFileSync(
  counter,
  `import { parentPort } from 'node:worker_threads';
let held = 0;
let most = 0;
parentPort.on('message', () => {
  most = Math.max(most, ++held);
  setTimeout(() => parentPort.postMessage((held--, most)), 50);
});`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createWorkerPool', () => {
  test('makes a task given as a maker when a worker takes it, moving the buffers it names', async () => {
    const pool = createWorkerPool<number | { bytes: ArrayBuffer }, number>(pathToFileURL(script), 1, 1);
    try {
      const made: number[] = [];
      const bytes = new ArrayBuffer(8);
      const first = pool.run(() => {
        made.push(1);
        return [1, []];
      });
      const second = pool.run(() => {
        made.push(2);
        return [{ bytes }, [bytes]];
      });
      // One worker, one task at a time: the second is made once the first is answered.
      expect(made).toEqual([1]);
      expect(await Promise.all([first, second])).toEqual([2, 8]);
      expect(made).toEqual([1, 2]);
      expect(bytes.byteLength).toBe(0);
    } finally {
      await pool.close();
    }
  });

  test('runs every task and answers each with its own result', async () => {
    const pool = createWorkerPool<number, number>(pathToFileURL(script), 2);
    try {
      expect(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(n)))).toEqual([2, 4, 6, 8, 10]);
    } finally {
      await pool.close();
    }
  });

  test('fails a task whose worker reports a crash, and goes on', async () => {
    const pool = createWorkerPool<number | string, number>(pathToFileURL(script), 1);
    try {
      await expect(pool.run('throw')).rejects.toThrow('task failed');
      expect(await pool.run(21)).toBe(42);
    } finally {
      await pool.close();
    }
  });

  test('gives a worker the next task before it answers, and no more than depth', async () => {
    for (const depth of [1, 2, 3]) {
      const pool = createWorkerPool<number, number>(pathToFileURL(counter), 1, depth);
      try {
        const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run(n)));
        expect(answers[0]).toBe(depth);
        expect(Math.max(...answers)).toBe(depth);
      } finally {
        await pool.close();
      }
    }
  });

  test('replaces a worker that dies, so queued tasks still run', async () => {
    const pool = createWorkerPool<number | string, number>(pathToFileURL(script), 1);
    try {
      const results = Promise.allSettled([pool.run('die'), pool.run(1), pool.run(2)]);
      expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['rejected', 2, 4]);
    } finally {
      await pool.close();
    }
  });

  test('moves a task’s transferred buffers to the worker rather than copying them', async () => {
    const pool = createWorkerPool<{ bytes: Uint8Array }, number>(pathToFileURL(script), 1);
    try {
      const bytes = new Uint8Array(1024);
      const answer = pool.run({ bytes }, [bytes.buffer]);
      expect(bytes.byteLength).toBe(0);
      expect(await answer).toBe(1024);
    } finally {
      await pool.close();
    }
  });

  test('fails a task waiting behind a worker that dies when its buffers went with it', async () => {
    const pool = createWorkerPool<number | string | { bytes: Uint8Array }, number>(pathToFileURL(script), 1);
    try {
      const bytes = new Uint8Array(8);
      const results = Promise.allSettled([pool.run('die'), pool.run({ bytes }, [bytes.buffer]), pool.run(3)]);
      expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['rejected', 'rejected', 6]);
    } finally {
      await pool.close();
    }
  });

  test('makes again, for the next worker, a task a maker made that waited behind a worker that dies', async () => {
    const pool = createWorkerPool<number | string | { bytes: ArrayBuffer }, number>(pathToFileURL(script), 1);
    try {
      const made: number[] = [];
      const maker = (): [{ bytes: ArrayBuffer }, ArrayBuffer[]] => {
        const bytes = new ArrayBuffer(made.push(made.length) * 4);
        return [{ bytes }, [bytes]];
      };
      const results = Promise.allSettled([pool.run('die'), pool.run(maker)]);
      // Made once for the worker that died, again (with its own buffer) for the one that replaced it.
      expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['rejected', 8]);
      expect(made).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });
});
