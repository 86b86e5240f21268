import {
  AWARD_LABEL_VI,
  formatAverage,
  LEVEL4_LABEL_VI,
  PASS_FAIL_LABEL_VI,
  PROMOTION_LABEL_VI,
} from '../../domain/grading/index.ts';
import type { RecomputedStudent } from '../results/recompute.ts';
import type { SubjectLine, TranscriptSnapshot } from './snapshot.ts';

/**
 * What a transcript (học bạ) prints that derives from the scores — the subject year averages (ĐTBmcn), the term and
 * year learning results, the year conduct, the award, the promotion and the decision after the summer — compared
 * between two snapshots, and a snapshot with the values the year close's rules give now laid over it. Issue 11 §2:
 * a correction shows each derived value before and after, and a version whose derived values are stale is not
 * approved.
 */

export interface ValueChange {
  /** "Toán — Cả năm", "Kết quả học tập — Cả năm", "Lên lớp". */
  item: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

export interface SnapshotDiff {
  /** The term values the correction changes (ĐTBmhk or Đạt/Chưa đạt); only those that differ. */
  inputs: ValueChange[];
  /** Every value derived from them, changed or not, so the reader sees what stays. */
  derived: ValueChange[];
}

const TERM_NAME = { 0: 'Cả năm', 1: 'HK I', 2: 'HK II' } as const;

const score = (value: number | null, result: SubjectLine['yearResult']) =>
  value !== null ? formatAverage(value) : result ? PASS_FAIL_LABEL_VI[result] : null;
const label = <K extends string>(labels: Readonly<Record<K, string>>, value: K | null) =>
  value === null ? null : labels[value];

function change(item: string, before: string | null, after: string | null): ValueChange {
  return { item, before, after, changed: before !== after };
}

/** The values of two snapshots of one student: the changed term values, and every derived value. */
export function diffSnapshots(before: TranscriptSnapshot | null, after: TranscriptSnapshot): SnapshotDiff {
  const inputs: ValueChange[] = [];
  const derived: ValueChange[] = [];
  for (const line of after.subjects) {
    const was = before?.subjects.find((l) => l.code === line.code);
    for (const term of [1, 2] as const) {
      const at = (l: SubjectLine | undefined) => (l ? score(l[`term${term}`], l[`term${term}Result`]) : null);
      const c = change(`${line.name} — ${TERM_NAME[term]}`, at(was), at(line));
      if (c.changed) inputs.push(c);
    }
    const year = (l: SubjectLine | undefined) => (l ? score(l.year, l.yearResult) : null);
    derived.push(change(`${line.name} — Cả năm`, year(was), year(line)));
  }
  for (const term of [1, 2, 0] as const) {
    const of = (s: TranscriptSnapshot | null) => s?.results.find((r) => r.term === term) ?? null;
    derived.push(
      change(
        `Kết quả học tập — ${TERM_NAME[term]}`,
        label(LEVEL4_LABEL_VI, of(before)?.learning ?? null),
        label(LEVEL4_LABEL_VI, of(after)?.learning ?? null),
      ),
    );
  }
  const year = (s: TranscriptSnapshot | null) => s?.results.find((r) => r.term === 0)?.conduct ?? null;
  derived.push(
    change(
      'Kết quả rèn luyện — Cả năm',
      label(LEVEL4_LABEL_VI, year(before)),
      label(LEVEL4_LABEL_VI, year(after)),
    ),
    change('Danh hiệu', label(AWARD_LABEL_VI, before?.award ?? null), label(AWARD_LABEL_VI, after.award)),
    change(
      'Lên lớp (sau tổng kết năm)',
      label(PROMOTION_LABEL_VI, before?.promotion ?? null),
      label(PROMOTION_LABEL_VI, after.promotion),
    ),
    change(
      'Kết quả học tập sau kiểm tra lại',
      label(LEVEL4_LABEL_VI, before?.learningAfterRetest ?? null),
      label(LEVEL4_LABEL_VI, after.learningAfterRetest),
    ),
    change(
      'Lên lớp (sau kiểm tra lại, rèn luyện hè)',
      label(PROMOTION_LABEL_VI, before?.finalPromotion ?? null),
      label(PROMOTION_LABEL_VI, after.finalPromotion),
    ),
  );
  return { inputs, derived };
}

/**
 * The snapshot with the derived values the year close's rules give for the recomputed student: what the học bạ
 * would print once the recomputed results are stored. A student the rules cannot classify keeps the snapshot.
 */
export function withRecomputed(
  snapshot: TranscriptSnapshot,
  r: RecomputedStudent | undefined,
): TranscriptSnapshot {
  if (!r || r.missing.length > 0) return snapshot;
  const yearRow = r.results.find((row) => row.term === 0);
  return {
    ...snapshot,
    subjects: snapshot.subjects.map((line) => {
      const y = r.subjects.find((s) => s.subject_code === line.code);
      return y
        ? { ...line, year: y.year_average, yearResult: y.year_result as SubjectLine['yearResult'] }
        : line;
    }),
    results: snapshot.results.map((res) => {
      const row = r.results.find((x) => x.term === res.term);
      return row
        ? {
            ...res,
            learning: row.learning_result as typeof res.learning,
            conduct: row.conduct_result as typeof res.conduct,
          }
        : res;
    }),
    promotion: yearRow ? (yearRow.promotion as TranscriptSnapshot['promotion']) : snapshot.promotion,
    award: yearRow ? (yearRow.award as TranscriptSnapshot['award']) : snapshot.award,
    finalPromotion: yearRow
      ? (yearRow.final_promotion as TranscriptSnapshot['finalPromotion'])
      : snapshot.finalPromotion,
    learningAfterRetest: yearRow
      ? (yearRow.learning_after_retest as TranscriptSnapshot['learningAfterRetest'])
      : snapshot.learningAfterRetest,
  };
}

/**
 * Why a signed snapshot's derived values are stale, in Vietnamese, or none: a subject's year average that is not
 * ĐTBmcn of its printed term averages (TT22 Điều 9, the domain's `yearAverage`), and every derived value that
 * differs from what the close's rules give now for the gradebook (`recomputed`, when the student can be classified).
 */
export function staleValues(
  snapshot: TranscriptSnapshot,
  recomputed: RecomputedStudent | undefined,
  yearAverageOf: (term1: number, term2: number) => number,
): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const line of snapshot.subjects) {
    if (line.term1 === null || line.term2 === null || line.year === null) continue;
    const expected = yearAverageOf(line.term1, line.term2);
    if (expected !== line.year) {
      reported.add(`${line.name} — Cả năm`);
      problems.push(
        `${line.name} cả năm ${formatAverage(line.year)} trong khi HK I ${formatAverage(line.term1)}, HK II ${formatAverage(line.term2)} cho ${formatAverage(expected)}`,
      );
    }
  }
  for (const c of diffSnapshots(snapshot, withRecomputed(snapshot, recomputed)).derived) {
    if (c.changed && !reported.has(c.item))
      problems.push(`${c.item}: ${c.before ?? 'trống'} → ${c.after ?? 'trống'}`);
  }
  return problems;
}
