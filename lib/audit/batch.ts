/**
 * Group commit: what callers hand in while a flush runs waits, and goes out together in the
 * next flush, so N callers at once cost one flush instead of N flushes in turn. No timer: an
 * idle queue flushes at once (still in the turn of the event loop the first caller handed in,
 * so callers of the same turn share it), a busy one the moment its current flush ends, so no
 * caller waits longer than the flush before its own (a synchronous flush, `gatherTurn`, waits
 * for the end of the turn instead). Each caller's promise settles with the flush that held its
 * items — resolved when that flush is done, rejected with its error when it failed — whatever
 * happened to the flushes before and after.
 */

/** What a flush reports as it ends, for figures (batch sizes, failures). */
export interface FlushReport {
  /** Callers whose items the flush held. */
  callers: number;
  items: number;
  ok: boolean;
  /** From the flush's start until its batch settled. */
  durationMs: number;
}

export interface GroupCommitOptions {
  /**
   * Most items one flush takes (default 10,000). A caller's items are never split, so one
   * caller with more still goes out whole, alone.
   */
  maxItems?: number;
  /** Told of every flush as it ends. */
  onFlush?: (report: FlushReport) => void;
  /**
   * Start a flush at the end of the event loop's turn (`setImmediate`) rather than at once:
   * for a flush that does its work synchronously, while which no caller can hand in, so that
   * callers must be gathered before it — every request the turn's input answered. An
   * asynchronous flush gathers the callers that hand in while it waits, and needs no more.
   */
  gatherTurn?: boolean;
}

interface Waiting<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private queue: Waiting<T>[] = [];
  private busy = false;
  private readonly maxItems: number;

  /** `flush` writes one batch of items and resolves when they are durable. */
  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxItems = options.maxItems ?? 10_000;
  }

  /** Resolves when the flush holding `items` is done; rejects with that flush's error. */
  add(items: readonly T[]): Promise<void> {
    if (!items.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        // Not a timer: whoever else hands in during this microtask queue, or this turn, joins the flush.
        if (this.options.gatherTurn) setImmediate(() => this.next());
        else queueMicrotask(() => this.next());
      }
    });
  }

  private next(): void {
    const batch = this.take();
    if (!batch.length) {
      this.busy = false;
      return;
    }
    const items = batch.flatMap((waiting) => waiting.items);
    const started = performance.now();
    const settle = (ok: boolean, error?: unknown) => {
      const durationMs = performance.now() - started;
      for (const waiting of batch) {
        if (ok) waiting.resolve();
        else waiting.reject(error);
      }
      // The next flush starts before the report, so not even a failing observer stalls the queue.
      this.next();
      this.options.onFlush?.({ callers: batch.length, items: items.length, ok, durationMs });
    };
    // Through a promise, so that a flush that throws before it returns one fails its batch too.
    Promise.resolve()
      .then(() => this.flush(items))
      .then(
        () => settle(true),
        (error: unknown) => settle(false, error),
      );
  }

  /** The callers of the next flush, oldest first, up to `maxItems` (and at least one). */
  private take(): Waiting<T>[] {
    let count = 0;
    let taken = 0;
    while (taken < this.queue.length && (taken === 0 || count + this.queue[taken].items.length <= this.maxItems)) {
      count += this.queue[taken].items.length;
      taken += 1;
    }
    return this.queue.splice(0, taken);
  }
}
