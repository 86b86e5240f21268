import { roundPoints } from './bands.ts';
import { describeLocation, formatNumber, type IssuePath } from './messages.ts';
import type {
  Catalogue,
  CatalogueGroup,
  CountBand,
  LevelThreshold,
  RatioBand,
  ScoredItem,
  SubItem,
} from './schema.ts';

export interface CatalogueIssue {
  path: (string | number)[];
  severity: 'error' | 'warning';
  /** Vietnamese, starts with where the problem is: "Nhóm II, tiêu chí II.3: …". */
  message: string;
}

/** A group whose criteria's maxima do not add up to the group's declared maximum. */
export interface GroupSumGap {
  groupId: string;
  itemTotal: number;
  groupMax: number;
}

/**
 * The points of a group are the sum of its scored criteria (QĐ 4725 mục 3: "tổng điểm của mỗi nhóm tiêu chí",
 * 100 per group), so a catalogue whose criteria add up to more or less than the group's maximum cannot grade
 * against the decision's thresholds. Mandatory conditions carry no points. Undefined when the sums agree or the
 * group has no criteria yet.
 */
export function groupSumGap(group: CatalogueGroup): GroupSumGap | undefined {
  if (group.items.length === 0) return undefined;
  const itemTotal = sum(group.items.map((item) => (item.kind === 'scored' ? item.maxPoints : 0)));
  if (itemTotal === group.maxPoints) return undefined;
  return { groupId: group.id, itemTotal, groupMax: group.maxPoints };
}

function describeGroupSumGap(gap: GroupSumGap, draft: boolean): string {
  const pair = `tổng điểm tối đa của các tiêu chí (${formatNumber(gap.itemTotal)})`;
  const groupMax = `điểm tối đa của nhóm (${formatNumber(gap.groupMax)})`;
  if (gap.itemTotal > gap.groupMax) return `${pair} vượt ${groupMax}`;
  const missing = formatNumber(roundPoints(gap.groupMax - gap.itemTotal));
  if (draft)
    return `${pair} thấp hơn ${groupMax}, còn thiếu ${missing} điểm; bộ tiêu chí được đánh dấu chưa đầy đủ và mọi trang in ghi chú này`;
  return `${pair} thấp hơn ${groupMax}, còn thiếu ${missing} điểm; bổ sung tiêu chí còn thiếu, hoặc ghi chú bộ tiêu chí chưa đầy đủ (draft_notice) để mọi trang in ghi rõ`;
}

type Report = (severity: CatalogueIssue['severity'], path: IssuePath, detail: string) => void;

function sum(values: readonly number[]): number {
  return roundPoints(values.reduce((total, value) => total + value, 0));
}

function checkRatioBands(bands: readonly RatioBand[], max: number, path: IssuePath, report: Report): void {
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    const at = [...path, index];
    if (band.points > max) {
      report(
        'error',
        at,
        `điểm của bậc (${formatNumber(band.points)}) vượt điểm tối đa (${formatNumber(max)})`,
      );
    }
    if (!previous) return;
    if (band.minRatio >= previous.minRatio) {
      report('error', at, 'các bậc phải xếp theo tỷ lệ tối thiểu giảm dần và không trùng nhau');
    } else if (band.points > previous.points) {
      report('error', at, 'bậc có tỷ lệ thấp hơn không được cho nhiều điểm hơn bậc trên');
    }
  });
}

function checkCountBands(bands: readonly CountBand[], max: number, path: IssuePath, report: Report): void {
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    const at = [...path, index];
    if (band.points > max) {
      report(
        'error',
        at,
        `điểm của bậc (${formatNumber(band.points)}) vượt điểm tối đa (${formatNumber(max)})`,
      );
    }
    if (!previous) return;
    if (band.minCount >= previous.minCount) {
      report('error', at, 'các bậc phải xếp theo số lượng tối thiểu giảm dần và không trùng nhau');
    } else if (band.points > previous.points) {
      report('error', at, 'bậc có số lượng thấp hơn không được cho nhiều điểm hơn bậc trên');
    }
  });
}

function checkMeasure(owner: ScoredItem | SubItem, path: IssuePath, report: Report): void {
  if (owner.ratioBands && owner.countBands) {
    report('error', path, 'chỉ được khai báo một loại thang quy đổi (tỷ lệ hoặc số lượng)');
  }
  if (owner.ratioBands) checkRatioBands(owner.ratioBands, owner.maxPoints, [...path, 'ratioBands'], report);
  if (owner.countBands) checkCountBands(owner.countBands, owner.maxPoints, [...path, 'countBands'], report);
}

/** Thresholds must climb: higher levels need strictly more points (or the same points, "≥" before ">"). */
export function checkThresholds(
  thresholds: readonly LevelThreshold[],
  max: number,
  path: IssuePath,
  report: Report,
): void {
  thresholds.forEach((threshold, index) => {
    const at = [...path, index];
    const previous = thresholds[index - 1];
    if (threshold.minTotal > max) {
      const detail = `ngưỡng (${formatNumber(threshold.minTotal)}) vượt điểm tối đa (${formatNumber(max)}), mức ${threshold.level} không thể đạt`;
      report('error', at, detail);
    }
    if (!previous) return;
    const climbs =
      threshold.minTotal > previous.minTotal ||
      (threshold.minTotal === previous.minTotal && previous.inclusive && !threshold.inclusive);
    if (threshold.level <= previous.level || !climbs) {
      report('error', at, 'các ngưỡng phải xếp theo mức tăng dần, mức cao hơn cần điểm cao hơn');
    }
  });
}

function checkScoredItem(item: ScoredItem, path: IssuePath, report: Report): void {
  checkMeasure(item, path, report);
  if (item.levelThresholds) {
    checkThresholds(item.levelThresholds, item.maxPoints, [...path, 'levelThresholds'], report);
  }
  if (!item.subItems) return;
  if (item.ratioBands || item.countBands) {
    report(
      'error',
      path,
      'tiêu chí có nội dung thành phần thì điểm tính từ các nội dung; bỏ thang quy đổi ở cấp tiêu chí',
    );
  }
  const seen = new Set<string>();
  item.subItems.forEach((subItem, index) => {
    const at = [...path, 'subItems', index];
    if (seen.has(subItem.id))
      report('error', [...at, 'id'], `mã nội dung ${subItem.id} bị trùng trong tiêu chí`);
    seen.add(subItem.id);
    checkMeasure(subItem, at, report);
  });
  const total = sum(item.subItems.map((subItem) => subItem.maxPoints));
  const pair = `(${formatNumber(total)})`;
  const max = `(${formatNumber(item.maxPoints)})`;
  if (total > item.maxPoints && !item.capSubItemSum) {
    report('error', [...path, 'subItems'], `tổng điểm thành phần ${pair} vượt điểm tối đa ${max}`);
  } else if (total < item.maxPoints) {
    report('warning', [...path, 'subItems'], `tổng điểm thành phần ${pair} thấp hơn điểm tối đa ${max}`);
  }
}

/**
 * Rules a schema cannot express: unique ids, point sums, band and threshold order, and settings that need data
 * (a `lowest_group` catalogue needs thresholds on every group). Warnings do not block the import.
 */
export function crossCheckCatalogue(catalogue: Catalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const report: Report = (severity, path, detail) => {
    issues.push({ path: [...path], severity, message: `${describeLocation(catalogue, path)}: ${detail}` });
  };
  const groupIds = new Set<string>();
  const itemGroups = new Map<string, string>();

  catalogue.groups.forEach((group, groupIndex) => {
    const groupPath = ['groups', groupIndex];
    if (groupIds.has(group.id)) report('error', [...groupPath, 'id'], `mã nhóm ${group.id} bị trùng`);
    groupIds.add(group.id);
    if (group.items.length === 0) report('warning', [...groupPath, 'items'], 'nhóm chưa có tiêu chí nào');

    group.items.forEach((item, itemIndex) => {
      const itemPath = [...groupPath, 'items', itemIndex];
      const usedIn = itemGroups.get(item.id);
      if (usedIn !== undefined) {
        report('error', [...itemPath, 'id'], `mã tiêu chí ${item.id} bị trùng (đã dùng ở Nhóm ${usedIn})`);
      } else {
        itemGroups.set(item.id, group.id);
      }
      if (item.kind === 'scored') checkScoredItem(item, itemPath, report);
    });

    const gap = groupSumGap(group);
    if (gap) {
      // An incomplete catalogue is refused unless it says on every page that it is incomplete (draftNotice).
      const draft = gap.itemTotal < group.maxPoints && catalogue.draftNotice !== undefined;
      report(draft ? 'warning' : 'error', [...groupPath, 'items'], describeGroupSumGap(gap, draft));
    }
    if (group.levelThresholds) {
      checkThresholds(group.levelThresholds, group.maxPoints, [...groupPath, 'levelThresholds'], report);
    } else if (catalogue.settings.combineRule === 'lowest_group') {
      report(
        'error',
        [...groupPath, 'levelThresholds'],
        'nhóm chưa có ngưỡng mức, trong khi mức của đơn vị lấy theo nhóm thấp nhất',
      );
    }
  });

  const unitThresholds = catalogue.settings.unitLevelThresholds;
  const unitMax = sum(catalogue.groups.map((group) => group.maxPoints));
  if (unitThresholds) {
    checkThresholds(unitThresholds, unitMax, ['settings', 'unitLevelThresholds'], report);
  } else if (catalogue.settings.combineRule === 'total_score') {
    report(
      'error',
      ['settings', 'unitLevelThresholds'],
      'cách tổng hợp theo tổng điểm cần khai báo ngưỡng mức của đơn vị',
    );
  }

  const labelled = new Set<number>();
  catalogue.levelLabels.forEach((label, index) => {
    if (labelled.has(label.level)) report('error', ['levelLabels', index], `mức ${label.level} có hai nhãn`);
    labelled.add(label.level);
  });
  return issues;
}
