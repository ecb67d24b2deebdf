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
  const workers = new Set<Worker>();
  const start = () => {
    const worker = new Worker(script);
    workers.add(worker);
    idle.push(worker);
  };
  for (let i = 0; i < size; i++) start();

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as (typeof queue)[number];
      // A worker that dies (out of memory, say) fails its task and is replaced,
      // so the tasks queued behind it still run.
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        workers.delete(worker);
        void worker.terminate();
        job.reject(error);
        start();
        pump();
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
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}
