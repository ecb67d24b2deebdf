/**
 * A fixed pool of worker threads that run tasks in the order given. Each
 * worker holds a task in hand and the next one waiting, so that it never idles
 * while this thread is busy with the last result (writing its files, say).
 */
import { type Transferable, Worker, type WorkerOptions } from 'node:worker_threads';

/** A task made when a worker takes it, with the buffers to move there: one can then carry what was freed meanwhile. */
export type TaskMaker<Task> = () => [Task, Transferable[]];

export interface WorkerPool<Task, Result> {
  /**
   * Run a task on the least busy worker.
   *
   * @param task The task, or what makes it when a worker takes it.
   * @param transfer Buffers of the task to move to the worker rather than copy.
   */
  run(task: Task | TaskMaker<Task>, transfer?: Transferable[]): Promise<Result>;
  close(): Promise<void>;
}

interface Job<Task, Result> {
  task: Task | TaskMaker<Task>;
  /** What made the task, if a maker did: it makes it again for another worker. */
  maker?: TaskMaker<Task>;
  transfer: Transferable[];
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * Start `size` workers running `script`.
 *
 * @param script URL of the worker module; it answers each message with one message,
 *   in order, or `{ kind: 'crash', message }` when the task threw.
 * @param size How many workers (usually the number of cores).
 * @param depth How many tasks a worker is given at once: the one it runs and those queued behind it.
 * @param options For each `Worker` (its environment, say).
 */
export function createWorkerPool<Task, Result>(script: URL, size: number, depth = 2, options: WorkerOptions = {}): WorkerPool<Task, Result> {
  const queue: Job<Task, Result>[] = [];
  // The tasks each worker was given, oldest (the one it is running) first.
  const given = new Map<Worker, Job<Task, Result>[]>();

  const start = () => {
    const worker = new Worker(script, options);
    const jobs: Job<Task, Result>[] = [];
    given.set(worker, jobs);
    worker.on('message', (message: Result | { kind: 'crash'; message: string }) => {
      const job = jobs.shift();
      const crash = message as { kind?: string; message?: string };
      if (crash.kind === 'crash') job?.reject(new Error(crash.message));
      else job?.resolve(message as Result);
      pump();
    });
    // A worker that dies (out of memory, say) fails the task it was running
    // and is replaced; the tasks waiting behind it go back to the queue (those
    // a maker made, to be made again), but those whose buffers went with
    // them, which fail too.
    worker.once('error', (error: Error) => {
      given.delete(worker);
      void worker.terminate();
      const [failed, ...waiting] = jobs;
      const again = (job: Job<Task, Result>) => job.maker !== undefined || job.transfer.length === 0;
      queue.unshift(...waiting.filter(again).map((job) => (job.maker ? { ...job, task: job.maker, transfer: [] } : job)));
      for (const job of waiting) if (!again(job)) job.reject(error);
      failed?.reject(error);
      start();
      pump();
    });
  };
  for (let i = 0; i < size; i++) start();

  const pump = () => {
    while (queue.length > 0) {
      let worker: Worker | undefined;
      let load = depth;
      for (const [candidate, jobs] of given) {
        if (jobs.length < load) [worker, load] = [candidate, jobs.length];
      }
      if (!worker) return;
      const job = queue.shift() as Job<Task, Result>;
      if (typeof job.task === 'function') {
        job.maker = job.task as TaskMaker<Task>;
        [job.task, job.transfer] = job.maker();
      }
      given.get(worker)?.push(job);
      worker.postMessage(job.task, job.transfer);
    }
  };

  return {
    run(task, transfer = []) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ task, transfer, resolve, reject });
        pump();
      });
    },
    async close() {
      await Promise.all([...given.keys()].map((worker) => worker.terminate()));
    },
  };
}
