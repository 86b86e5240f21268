import { levelForTotal, roundPoints } from './bands.ts';
import { formatNumber } from './messages.ts';
import type { Catalogue, CatalogueGroup } from './schema.ts';
import { type ItemAnswer, type ItemResult, type ScoringError, scoreItem, type Where } from './score-item.ts';

export type {
  ItemAnswer,
  ItemResult,
  MeasureAnswer,
  ScoringError,
  ScoringErrorCode,
  SubItemAnswer,
  SubItemResult,
} from './score-item.ts';

/** Answers keyed by item id. */
export type AssessmentAnswers = Record<string, ItemAnswer | undefined>;

export interface LevelReason {
  code: 'mandatory_not_met' | 'lowest_group' | 'total_score';
  itemIds: string[];
  groupIds: string[];
  /** Vietnamese, shown beside the level. */
  message: string;
}

export interface GroupResult {
  id: string;
  title: string;
  maxPoints: number;
  total: number;
  /** Level the points alone give; null when the group has no thresholds (graded only through the unit total). */
  scoreLevel: number | null;
  /** Level after the mandatory-condition cap. */
  level: number | null;
  label: string | null;
  /** Mandatory conditions of the group that are not met, or not answered yet. */
  mandatoryNotMet: string[];
  /** True when an unmet mandatory condition lowered the level (or, without thresholds, caps the unit). */
  capped: boolean;
  reasons: LevelReason[];
}

export interface AssessmentResult {
  catalogueCode: string;
  catalogueVersion: string;
  items: ItemResult[];
  groups: GroupResult[];
  totalPoints: number;
  maxTotalPoints: number;
  unitLevel: number | null;
  unitLabel: string | null;
  unitReasons: LevelReason[];
  completeness: {
    answeredItems: number;
    totalItems: number;
    /** 0–100, one decimal. */
    percent: number;
    unanswered: { itemId: string; groupId: string; missingSubItems: string[] }[];
  };
  errors: ScoringError[];
}

/** Label of a level as the catalogue names it, "Mức n" when it does not. */
export function levelLabel(catalogue: Catalogue, level: number): string {
  return catalogue.levelLabels.find((entry) => entry.level === level)?.label ?? `Mức ${level}`;
}

function describeWhere(where: Where): string {
  const parts = [`Nhóm ${where.groupId}`, `tiêu chí ${where.itemId}`];
  if (where.subItemId) parts.push(`nội dung ${where.subItemId}`);
  return parts.join(', ');
}

function scoreGroup(catalogue: Catalogue, group: CatalogueGroup, items: ItemResult[]): GroupResult {
  const total = Math.min(roundPoints(items.reduce((sum, item) => sum + item.points, 0)), group.maxPoints);
  const scoreLevel = group.levelThresholds ? levelForTotal(group.levelThresholds, total) : null;
  const notMet = items.filter((item) => item.kind === 'mandatory' && item.met !== true);
  const mandatoryNotMet = notMet.map((item) => item.id);
  const result: GroupResult = {
    id: group.id,
    title: group.title,
    maxPoints: group.maxPoints,
    total,
    scoreLevel,
    level: scoreLevel,
    label: scoreLevel === null ? null : levelLabel(catalogue, scoreLevel),
    mandatoryNotMet,
    capped: false,
    reasons: [],
  };
  if (!catalogue.settings.capGroupOnUnmetMandatory || notMet.length === 0) return result;

  // QĐ 4725 does not say whether a failed mandatory condition caps a level; the catalogue setting decides
  // (default: yes, the group stays at Mức 1) and the reason is always shown so the choice is visible.
  const conditions = notMet
    .map((item) => `${item.id} ${item.met === false ? 'chưa đạt' : 'chưa được khai báo'}`)
    .join(', ');
  const lowest = levelLabel(catalogue, 1);
  const capped = scoreLevel === null || scoreLevel > 1;
  const consequence =
    scoreLevel === null
      ? `mức của đơn vị bị giới hạn ở ${lowest}`
      : scoreLevel > 1
        ? `nhóm bị giới hạn ở ${lowest} (điểm ${formatNumber(total)} tương ứng ${levelLabel(catalogue, scoreLevel)})`
        : `nhóm ở ${lowest}`;
  const message = `Nhóm ${group.id}: điều kiện bắt buộc ${conditions}; ${consequence}`;
  return {
    ...result,
    level: scoreLevel === null ? null : 1,
    label: scoreLevel === null ? null : lowest,
    capped,
    reasons: [{ code: 'mandatory_not_met', itemIds: mandatoryNotMet, groupIds: [group.id], message }],
  };
}

function unitLevel(catalogue: Catalogue, groups: GroupResult[], totalPoints: number) {
  const reasons: LevelReason[] = [];
  const cappedGroups = groups.filter(
    (group) => group.mandatoryNotMet.length > 0 && catalogue.settings.capGroupOnUnmetMandatory,
  );
  const capReasons = cappedGroups.flatMap((group) => group.reasons);

  if (catalogue.settings.combineRule === 'total_score') {
    const thresholds = catalogue.settings.unitLevelThresholds;
    if (!thresholds) return { level: null, reasons };
    const scoreLevel = levelForTotal(thresholds, totalPoints);
    const level = cappedGroups.length > 0 ? 1 : scoreLevel;
    const message = `Tổng điểm ${formatNumber(totalPoints)} tương ứng ${levelLabel(catalogue, scoreLevel)}`;
    reasons.push({ code: 'total_score', itemIds: [], groupIds: groups.map((group) => group.id), message });
    return { level, reasons: [...reasons, ...capReasons] };
  }

  const levels = groups.map((group) => group.level);
  if (levels.length === 0 || levels.some((level) => level === null)) return { level: null, reasons };
  const level = Math.min(...(levels as number[]));
  const lowestGroups = groups.filter((group) => group.level === level);
  const names = lowestGroups.map((group) => `Nhóm ${group.id}`).join(', ');
  const message = `Mức của đơn vị lấy theo nhóm thấp nhất: ${names} ở ${levelLabel(catalogue, level)}`;
  reasons.push({
    code: 'lowest_group',
    itemIds: [],
    groupIds: lowestGroups.map((group) => group.id),
    message,
  });
  return { level, reasons: [...reasons, ...capReasons] };
}

/**
 * Scores a unit's answers against a validated catalogue: points per item (claims above the maximum are errors,
 * capped for the provisional total), totals and levels per group (with the mandatory-condition cap), the unit's
 * level by the catalogue's combine rule, and what is still unanswered.
 */
export function scoreAssessment(catalogue: Catalogue, answers: AssessmentAnswers): AssessmentResult {
  const errors: ScoringError[] = [];
  const report = (code: ScoringError['code'], where: Where, detail: string) => {
    const path = where.subItemId ? [where.itemId, 'subItems', where.subItemId] : [where.itemId];
    errors.push({ path, code, message: `${describeWhere(where)}: ${detail}` });
  };

  const knownIds = new Set(catalogue.groups.flatMap((group) => group.items.map((item) => item.id)));
  for (const id of Object.keys(answers)) {
    if (!knownIds.has(id)) {
      errors.push({
        path: [id],
        code: 'unknown_item',
        message: `Tiêu chí ${id} không có trong bộ tiêu chí ${catalogue.code} (${catalogue.version})`,
      });
    }
  }

  const items: ItemResult[] = [];
  const groups = catalogue.groups.map((group) => {
    const groupItems = group.items.map((item) => scoreItem(item, group.id, answers[item.id], report));
    items.push(...groupItems);
    return scoreGroup(catalogue, group, groupItems);
  });
  const totalPoints = roundPoints(groups.reduce((sum, group) => sum + group.total, 0));
  const unit = unitLevel(catalogue, groups, totalPoints);
  const unanswered = items
    .filter((item) => !item.answered)
    .map((item) => ({ itemId: item.id, groupId: item.groupId, missingSubItems: item.missingSubItems }));
  const answeredItems = items.length - unanswered.length;

  return {
    catalogueCode: catalogue.code,
    catalogueVersion: catalogue.version,
    items,
    groups,
    totalPoints,
    maxTotalPoints: roundPoints(catalogue.groups.reduce((sum, group) => sum + group.maxPoints, 0)),
    unitLevel: unit.level,
    unitLabel: unit.level === null ? null : levelLabel(catalogue, unit.level),
    unitReasons: unit.reasons,
    completeness: {
      answeredItems,
      totalItems: items.length,
      percent: items.length === 0 ? 100 : Math.round((answeredItems / items.length) * 1000) / 10,
      unanswered,
    },
    errors,
  };
}
