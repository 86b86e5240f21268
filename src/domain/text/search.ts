import { foldVietnamese } from './fold.ts';

/**
 * True when every word of the query appears, as part of a word or whole, in the haystack — both folded, so
 * "nguyen an", "Nguyễn An" and "NGUYEN AN" all find "Nguyễn Văn An", and typing "ngu" already finds it.
 * Words may appear in any order. An empty or blank query matches everything (an empty search box hides nothing).
 */
export function matchesSearch(haystack: string, query: string): boolean {
  const foldedQuery = foldVietnamese(query);
  if (foldedQuery === '') return true;
  const foldedHaystack = foldVietnamese(haystack);
  return foldedQuery.split(' ').every((word) => foldedHaystack.includes(word));
}
