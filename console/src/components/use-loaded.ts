import { type DependencyList, useEffect, useState } from 'react';
import { describeFailure } from '../api/problem';

/**
 * What `load` reads, read again whenever `deps` change; its failure kept as a sentence until a
 * read succeeds. The last value stays shown while the next read runs.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): { readonly value: T | undefined; readonly error: string | undefined } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => {
        if (!current) return;
        setValue(loaded);
        setError(undefined);
      },
      (failure: unknown) => current && setError(describeFailure(failure)),
    );
    return () => {
      current = false;
    };
    // The caller names what the read depends on.
  }, deps);
  return { value, error };
}
