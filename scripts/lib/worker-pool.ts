/**
 * A fixed pool of worker threads that run tasks in the order given, one at a
 * time per worker.
 */
import { Worker } from 'node:worker_threads';

/** A pool bound to one worker script. */
export interface WorkerPool<Task, Result> {
  /** Run a task on the next free worker. */
  run(task: Task): Promise<Result>;
  /** Stop every worker. */
  close(): Promise<void>;
}

/**
 * Start `size` workers running `script`.
 *
 * @param script URL of the worker module; it answers each message with one message,
 *   or `{ kind: 'crash', message }` when the task threw.
 * @param size How many workers (usually the number of cores).
 */
export function createWorkerPool<Task, Result>(script: URL, size: number): WorkerPool<Task, Result> {
  const idle: Worker[] = [];
  const queue: { task: Task; resolve: (result: Result) => void; reject: (error: Error) => void }[] = [];
  const workers = Array.from({ length: size }, () => new Worker(script));
  idle.push(...workers);

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as (typeof queue)[number];
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        job.reject(error);
      };
      const onMessage = (message: Result | { kind: 'crash'; message: string }) => {
        worker.off('error', onError);
        idle.push(worker);
        const crash = message as { kind?: string; message?: string };
        if (crash.kind === 'crash') job.reject(new Error(crash.message));
        else job.resolve(message as Result);
        pump();
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(job.task);
    }
  };

  return {
    run(task) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
