import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list filter kept in the address, so a filtered view can be bookmarked and shared, and the
 * back button undoes a change. Values outside `allowed` read as unset.
 */
export function useSearchFilter<K extends string>(
  name: string,
  allowed?: readonly K[],
): [K | undefined, (value: K | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name) ?? undefined;
  const value =
    raw === undefined || (allowed && !(allowed as readonly string[]).includes(raw))
      ? undefined
      : (raw as K);
  const set = useCallback(
    (next: K | undefined) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next === undefined) copy.delete(name);
          else copy.set(name, next);
          return copy;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [value, set];
}
