import { groupSumGap } from './cross-checks.ts';
import type { Catalogue } from './schema.ts';

/**
 * What every printed page made with a catalogue must say about it, if anything: the catalogue's own draft notice,
 * or — for a stored catalogue saved before notices existed whose groups do not add up — a generic one, so an
 * incomplete catalogue never prints as if it were the decision's table.
 */
export function printedCatalogueNotice(catalogue: Catalogue): string | undefined {
  if (catalogue.draftNotice) return catalogue.draftNotice;
  const gaps = catalogue.groups.flatMap((group) => {
    const gap = groupSumGap(group);
    return gap ? [`Nhóm ${gap.groupId} (${gap.itemTotal}/${gap.groupMax} điểm)`] : [];
  });
  if (gaps.length === 0) return undefined;
  return `Bộ tiêu chí chưa đầy đủ so với văn bản gốc: tổng điểm các tiêu chí khác điểm tối đa ở ${gaps.join(', ')}; kết quả chỉ có giá trị tham khảo.`;
}
