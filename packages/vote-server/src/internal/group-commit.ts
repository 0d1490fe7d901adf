/**
 * A group-commit queue: requests that arrive while a transaction is committing wait and go
 * into the next one together. Under light load a batch is one vote and adds no delay; under
 * heavy load one COMMIT (one WAL flush) acknowledges hundreds. Each caller's promise settles
 * only after the COMMIT of its batch returned, so "acknowledged" means "durable".
 */
export interface GroupCommitOptions<T> {
  /** Largest batch per transaction. */
  maxBatch?: number;
  /** Queue length at which new items are refused (backpressure instead of unbounded memory). */
  maxQueue?: number;
  /** Keys two items must not share within one batch (e.g. poll+voter); such items wait for the next. */
  conflictKeys?: (item: T) => readonly string[];
}

export interface GroupCommitStats {
  batches: number;
  items: number;
  failedBatches: number;
  largestBatch: number;
  /** Sum over items of the time from submit to the start of their batch's write. */
  queueWaitMs: number;
  /** Sum over batches of the time the write (the whole transaction) took. */
  writeMs: number;
  /** Sum over items of the time their batch's write took (what each request waited on the DB). */
  itemWriteMs: number;
  /** The slowest single write. */
  maxWriteMs: number;
}

export class QueueFullError extends Error {
  constructor() {
    super('The write queue is full.');
    this.name = 'QueueFullError';
  }
}

interface Pending<T, R> {
  item: T;
  at: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  readonly stats: GroupCommitStats = { batches: 0, items: 0, failedBatches: 0, largestBatch: 0, queueWaitMs: 0, writeMs: 0, itemWriteMs: 0, maxWriteMs: 0 };
  #queue: Pending<T, R>[] = [];
  #writing = false;
  #scheduled = false;
  #idle: (() => void)[] = [];
  readonly #write: (items: T[]) => Promise<R[]>;
  readonly #maxBatch: number;
  readonly #maxQueue: number;
  readonly #conflictKeys?: (item: T) => readonly string[];

  constructor(write: (items: T[]) => Promise<R[]>, options: GroupCommitOptions<T> = {}) {
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#maxQueue = options.maxQueue ?? 20_000;
    this.#conflictKeys = options.conflictKeys;
  }

  get pending(): number {
    return this.#queue.length;
  }

  submit(item: T): Promise<R> {
    if (this.#queue.length >= this.#maxQueue) return Promise.reject(new QueueFullError());
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, at: performance.now(), resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves once everything submitted so far has been written (for shutdown). */
  drain(): Promise<void> {
    if (!this.#writing && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#writing || this.#scheduled) return;
    this.#scheduled = true;
    // One macrotask of grace collects everything that arrived in the same I/O turn.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  #take(): Pending<T, R>[] {
    const batch: Pending<T, R>[] = [];
    const rest: Pending<T, R>[] = [];
    const used = new Set<string>();
    for (const pending of this.#queue) {
      if (batch.length >= this.#maxBatch) {
        rest.push(pending);
        continue;
      }
      const keys = this.#conflictKeys?.(pending.item) ?? [];
      if (keys.some((k) => used.has(k))) {
        rest.push(pending);
        continue;
      }
      for (const k of keys) used.add(k);
      batch.push(pending);
    }
    this.#queue = rest;
    return batch;
  }

  async #flush(): Promise<void> {
    if (this.#writing) return;
    const batch = this.#take();
    if (batch.length === 0) {
      for (const resolve of this.#idle.splice(0)) resolve();
      return;
    }
    this.#writing = true;
    const started = performance.now();
    try {
      const results = await this.#write(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`The writer returned ${results.length} results for ${batch.length} items.`);
      this.#account(batch, started, false);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      this.#account(batch, started, true);
      for (const p of batch) p.reject(error);
    } finally {
      this.#writing = false;
    }
    if (this.#queue.length > 0) void this.#flush();
    else for (const resolve of this.#idle.splice(0)) resolve();
  }

  #account(batch: Pending<T, R>[], started: number, failed: boolean): void {
    const took = performance.now() - started;
    const s = this.stats;
    s.batches += 1;
    if (failed) s.failedBatches += 1;
    s.items += batch.length;
    s.largestBatch = Math.max(s.largestBatch, batch.length);
    s.writeMs += took;
    s.maxWriteMs = Math.max(s.maxWriteMs, took);
    s.itemWriteMs += took * batch.length;
    for (const p of batch) s.queueWaitMs += started - p.at;
  }
}
