import { redact } from './logging';

/**
 * A local transaction with one step in another service inside it (Jobbtorg's enrolment
 * tells stadsdel the referral is enrolled). If the step fails, the local transaction rolls
 * back by itself; if the local transaction fails after the step succeeded — its commit, say —
 * the step is undone, so the two services do not disagree. An undo that fails too is
 * logged for repair and the original error stands.
 */
export interface RemoteStep {
  apply(): Promise<void>;
  undo(): Promise<void>;
}

export async function withRemoteStep<T>(
  step: RemoteStep,
  run: (apply: () => Promise<void>) => Promise<T>,
  logError: (message: string) => void = (message) => console.error(redact(message)),
): Promise<T> {
  let applied = false;
  try {
    return await run(async () => {
      await step.apply();
      applied = true;
    });
  } catch (error) {
    if (applied) {
      await step.undo().catch((undoError: Error) => logError(`could not undo a step in another service after a failed write: ${undoError.message}`));
    }
    throw error;
  }
}
