export {
  compareVietnameseNames,
  compareVietnameseText,
  TONE_ORDER,
  type Tone,
  VIETNAMESE_ALPHABET,
} from './collation.ts';
export { cleanVietnamese, foldVietnamese } from './fold.ts';
export { normaliseName, splitVietnameseName, type VietnameseNameParts } from './name.ts';
export { matchesSearch } from './search.ts';
