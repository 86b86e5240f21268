import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';

/**
 * A list the user searches, filters and pages through: GET `path`, keeping the previous page on screen while the
 * next one loads so the table does not flash empty between keystrokes.
 */
export function useListQuery<T>(
  queryKey: QueryKey,
  path: string,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey,
    queryFn: () => apiGet<T>(path),
    enabled,
    placeholderData: keepPreviousData,
  });
}
