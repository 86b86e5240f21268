import { levelForTotal, pointsForCount, pointsForRatio, roundPoints } from './bands.ts';
import { formatNumber } from './messages.ts';
import type { CatalogueItem, CountBand, RatioBand, ScoredItem } from './schema.ts';

/** A value the unit reports for a scored item or sub-item: its own points, or a measure the bands convert. */
export interface MeasureAnswer {
  points?: number;
  /** Share between 0 and 1. */
  ratio?: number;
  /** Share between 0 and 100 (spreadsheets usually hold percents). */
  percent?: number;
  count?: number;
}

/** A bare number is the points claimed for the sub-item. */
export type SubItemAnswer = number | MeasureAnswer;

export interface ItemAnswer extends MeasureAnswer {
  /** Mandatory conditions only. */
  met?: boolean;
  subItems?: Record<string, SubItemAnswer | undefined>;
}

export type ScoringErrorCode =
  | 'unknown_item'
  | 'unknown_sub_item'
  | 'not_a_number'
  | 'negative_points'
  | 'above_max'
  | 'ratio_out_of_range'
  | 'invalid_count'
  | 'no_bands'
  | 'points_mismatch'
  | 'points_on_mandatory'
  | 'met_on_scored'
  | 'sub_items_not_defined';

export interface ScoringError {
  /** Item id, then `subItems` and the sub-item id when the error is about a sub-item. */
  path: string[];
  code: ScoringErrorCode;
  /** Vietnamese, names the group, criterion and what to do. */
  message: string;
}

export interface SubItemResult {
  id: string;
  maxPoints: number;
  answered: boolean;
  /** Points as claimed or measured, before capping; null when unanswered. */
  claimedPoints: number | null;
  points: number;
}

export interface ItemResult {
  id: string;
  groupId: string;
  kind: CatalogueItem['kind'];
  answered: boolean;
  /** Mandatory conditions: true / false, null when not answered. Always null for scored items. */
  met: boolean | null;
  /** 0 for mandatory conditions, which carry no points. */
  maxPoints: number;
  claimedPoints: number | null;
  points: number;
  /** True when the claim (or the sum of sub-items) was above the maximum and the points were capped. */
  capped: boolean;
  /** Item-level "Mức độ" when the catalogue defines one (QĐ 4725 tiêu chí 1.3). */
  level: number | null;
  subItems: SubItemResult[];
  missingSubItems: string[];
}

export type Where = { groupId: string; itemId: string; subItemId?: string };
type Report = (code: ScoringErrorCode, where: Where, detail: string) => void;

interface Measured {
  answered: boolean;
  claimed: number | null;
  points: number;
  capped: boolean;
}

interface MeasureOwner {
  maxPoints: number;
  ratioBands?: RatioBand[] | undefined;
  countBands?: CountBand[] | undefined;
}

function measuredPoints(owner: MeasureOwner, answer: MeasureAnswer, where: Where, report: Report) {
  const ratio = answer.ratio ?? (answer.percent === undefined ? undefined : answer.percent / 100);
  if (ratio !== undefined) {
    const shown = answer.ratio === undefined ? `${formatNumber(answer.percent ?? 0)}%` : formatNumber(ratio);
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
      report('ratio_out_of_range', where, `tỷ lệ ${shown} không hợp lệ; nhập từ 0 đến 1 (hoặc 0% đến 100%)`);
      return undefined;
    }
    if (!owner.ratioBands) {
      report('no_bands', where, 'bộ tiêu chí không có thang quy đổi tỷ lệ cho mục này; hãy nhập điểm');
      return undefined;
    }
    return { value: pointsForRatio(owner.ratioBands, ratio), shown: `tỷ lệ ${shown}` };
  }
  if (answer.count === undefined) return undefined;
  if (!Number.isInteger(answer.count) || answer.count < 0) {
    report(
      'invalid_count',
      where,
      `số lượng ${formatNumber(answer.count)} không hợp lệ; nhập số nguyên không âm`,
    );
    return undefined;
  }
  if (!owner.countBands) {
    report('no_bands', where, 'bộ tiêu chí không có thang quy đổi số lượng cho mục này; hãy nhập điểm');
    return undefined;
  }
  return { value: pointsForCount(owner.countBands, answer.count), shown: `số lượng ${answer.count}` };
}

/**
 * Points for one item without sub-items, or one sub-item. A measure (ratio, count) converted by the catalogue's
 * bands wins over a typed claim; a claim above the maximum is an error, never silently accepted, but the capped
 * value is still computed so the form can show a provisional total.
 */
export function scoreMeasure(
  owner: MeasureOwner,
  answer: MeasureAnswer,
  where: Where,
  report: Report,
): Measured {
  const claim = answer.points;
  if (claim !== undefined && !Number.isFinite(claim)) {
    report('not_a_number', where, 'điểm tự chấm phải là một số');
  }
  const measured = measuredPoints(owner, answer, where, report);
  if (measured) {
    if (claim !== undefined && Number.isFinite(claim) && roundPoints(claim) !== measured.value) {
      const detail = `điểm khai (${formatNumber(claim)}) khác điểm quy đổi từ ${measured.shown} (${formatNumber(measured.value)}); hệ thống dùng điểm quy đổi`;
      report('points_mismatch', where, detail);
    }
    return { answered: true, claimed: measured.value, points: measured.value, capped: false };
  }
  if (claim === undefined || !Number.isFinite(claim))
    return { answered: false, claimed: null, points: 0, capped: false };
  if (claim < 0) {
    report('negative_points', where, `điểm tự chấm (${formatNumber(claim)}) không được âm; tạm tính 0 điểm`);
    return { answered: true, claimed: claim, points: 0, capped: true };
  }
  if (claim > owner.maxPoints) {
    const max = formatNumber(owner.maxPoints);
    report(
      'above_max',
      where,
      `điểm tự chấm (${formatNumber(claim)}) vượt điểm tối đa (${max}); tạm tính ${max} điểm`,
    );
    return { answered: true, claimed: claim, points: owner.maxPoints, capped: true };
  }
  return { answered: true, claimed: claim, points: roundPoints(claim), capped: false };
}

function asMeasure(answer: SubItemAnswer | undefined): MeasureAnswer {
  if (answer === undefined) return {};
  return typeof answer === 'number' ? { points: answer } : answer;
}

function hasMeasure(answer: ItemAnswer): boolean {
  return [answer.points, answer.ratio, answer.percent, answer.count].some((value) => value !== undefined);
}

/** The parts of an item result that depend on its answer. */
type Scored = Pick<
  ItemResult,
  'answered' | 'claimedPoints' | 'points' | 'capped' | 'subItems' | 'missingSubItems'
>;

function fromMeasure(measured: Measured, subItems: SubItemResult[] = []): Scored {
  const { answered, claimed, points, capped } = measured;
  return { answered, claimedPoints: claimed, points, capped, subItems, missingSubItems: [] };
}

function scoreWithSubItems(item: ScoredItem, answer: ItemAnswer, where: Where, report: Report): Scored {
  const subItems = item.subItems ?? [];
  const known = new Set(subItems.map((subItem) => subItem.id));
  for (const id of Object.keys(answer.subItems ?? {})) {
    if (!known.has(id))
      report('unknown_sub_item', { ...where, subItemId: id }, 'nội dung này không có trong bộ tiêu chí');
  }
  let anyCapped = false;
  const results = subItems.map((subItem): SubItemResult => {
    const subWhere = { ...where, subItemId: subItem.id };
    const measured = scoreMeasure(subItem, asMeasure(answer.subItems?.[subItem.id]), subWhere, report);
    anyCapped ||= measured.capped;
    const { answered, claimed, points } = measured;
    return { id: subItem.id, maxPoints: subItem.maxPoints, answered, claimedPoints: claimed, points };
  });
  const anyAnswered = results.some((result) => result.answered);

  // A unit may enter only the item total (a province form without sub-items): accepted when no sub-item is
  // filled in; otherwise the sub-items decide and a different typed total is reported.
  if (!anyAnswered && hasMeasure(answer)) {
    const { subItems: _subItems, met: _met, ...measure } = answer;
    return fromMeasure(scoreMeasure(item, measure, where, report), results);
  }
  const sum = roundPoints(results.reduce((total, result) => total + result.points, 0));
  const points = Math.min(sum, item.maxPoints);
  if (answer.points !== undefined && anyAnswered && roundPoints(answer.points) !== points) {
    const detail = `điểm khai (${formatNumber(answer.points)}) khác tổng điểm các nội dung (${formatNumber(points)})`;
    report('points_mismatch', where, detail);
  }
  const claimed = roundPoints(results.reduce((total, result) => total + (result.claimedPoints ?? 0), 0));
  const missingSubItems = results.filter((result) => !result.answered).map((result) => result.id);
  return {
    answered: missingSubItems.length === 0,
    claimedPoints: anyAnswered ? claimed : null,
    points,
    capped: sum > item.maxPoints || anyCapped,
    subItems: results,
    missingSubItems,
  };
}

function scoreScored(item: ScoredItem, answer: ItemAnswer, where: Where, report: Report): Scored {
  if (answer.met !== undefined)
    report('met_on_scored', where, 'tiêu chí tính điểm cần nhập điểm, không ghi đạt / chưa đạt');
  if (item.subItems) return scoreWithSubItems(item, answer, where, report);
  if (answer.subItems) report('sub_items_not_defined', where, 'tiêu chí này không có nội dung thành phần');
  return fromMeasure(scoreMeasure(item, answer, where, report));
}

/** Scores one catalogue item against the unit's answer (undefined when the unit has not answered it). */
export function scoreItem(
  item: CatalogueItem,
  groupId: string,
  answer: ItemAnswer | undefined,
  report: Report,
): ItemResult {
  const where = { groupId, itemId: item.id };
  const given = answer ?? {};
  const identity = { id: item.id, groupId, kind: item.kind };
  if (item.kind === 'mandatory') {
    if (hasMeasure(given) || given.subItems) {
      report('points_on_mandatory', where, 'điều kiện bắt buộc chỉ ghi đạt / chưa đạt, không chấm điểm');
    }
    const answered = given.met !== undefined;
    const unscored = {
      claimedPoints: null,
      points: 0,
      capped: false,
      level: null,
      subItems: [],
      missingSubItems: [],
    };
    return { ...identity, answered, met: given.met ?? null, maxPoints: 0, ...unscored };
  }
  const scored = scoreScored(item, given, where, report);
  const level =
    item.levelThresholds && scored.answered ? levelForTotal(item.levelThresholds, scored.points) : null;
  return { ...identity, met: null, maxPoints: item.maxPoints, level, ...scored };
}
