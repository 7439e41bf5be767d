/**
 * A running subgraph's checkpoints: every `intervalMs` (`AUDIT_CHECKPOINT_INTERVAL_MS`), and
 * once more as it stops, so the last rows a process wrote are vouched for before it goes. A
 * failed checkpoint is reported and tried again at the next interval; a checkpoint is never
 * started while the one before is still being written. The timer does not hold the process open.
 */
export interface CheckpointSchedule {
  /** Stops the timer, waits for a checkpoint in progress, and writes the last one. */
  stop(): Promise<void>;
}

export function scheduleCheckpoints(write: () => Promise<unknown>, intervalMs: number, onError: (error: Error) => void): CheckpointSchedule {
  let running: Promise<void> = Promise.resolve();
  const once = () => {
    running = running.then(() => write().then(() => undefined, onError));
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void once(), intervalMs) : null;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await once();
    },
  };
}
