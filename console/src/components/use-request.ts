import { useCallback, useState } from 'react';
import { describeFailure } from '../api/problem';

export interface Request {
  /** True while the work runs: the control that started it is disabled. */
  readonly pending: boolean;
  /** The last failure's sentence, until the next attempt. */
  readonly error: string | undefined;
  /** Runs the work; resolves true when it succeeded. */
  run(work: () => Promise<unknown>): Promise<boolean>;
  clearError(): void;
}

/** One request at a time from one control, with its failure kept for the user to read. */
export function useRequest(): Request {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setPending(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(describeFailure(failure));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { pending, error, run, clearError };
}
