import { describe, expect, it } from 'vitest';
import { yearAverage } from '../../domain/grading/index.ts';
import type { RecomputedStudent } from '../results/recompute.ts';
import { diffSnapshots, staleValues, withRecomputed } from './derived-values.ts';
import type { SubjectLine, TranscriptSnapshot } from './snapshot.ts';

const line = (code: string, name: string, term1: number, term2: number, year: number): SubjectLine => ({
  code,
  name,
  kind: 'score',
  term1,
  term2,
  year,
  term1Result: null,
  term2Result: null,
  yearResult: null,
  retestScore: null,
  retestResult: null,
  comment: null,
});

function snapshot(math: SubjectLine, learning: 'good' | 'pass' = 'pass'): TranscriptSnapshot {
  return {
    layout: 'tt22',
    schoolYear: '2025-2026',
    school: { name: 'THCS A', governingBody: null, place: null },
    class: { id: 'c', name: '6A1', grade: 6, homeroomTeacherName: null },
    student: {
      id: 's',
      fullName: 'Nguyễn Văn An',
      birthDate: null,
      gender: null,
      ethnicity: null,
      moetStudentCode: null,
      address: null,
      guardians: [],
    },
    subjects: [math, line('literature', 'Ngữ văn', 6.5, 6.5, 6.5)],
    results: [
      { term: 1, learning: 'pass', conduct: 'good' },
      { term: 2, learning: 'good', conduct: 'good' },
      { term: 0, learning, conduct: 'good' },
    ],
    absentSessions: 0,
    promotion: 'promoted',
    finalPromotion: null,
    summerConduct: null,
    learningAfterRetest: null,
    award: null,
    homeroomComment: null,
    primary: null,
    builtAt: '2026-06-01T00:00:00.000Z',
  };
}

const row = (term: 0 | 1 | 2, learning: string) => ({
  term,
  class_id: 'c',
  student_id: 's',
  learning_result: learning,
  conduct_result: 'good',
  absent_sessions: 0,
  promotion: term === 0 ? 'promoted' : null,
  award: null,
  final_promotion: null,
  learning_after_retest: null,
  primary_outcome_after_support: null,
  primary_outcome: null,
});

const recomputed: RecomputedStudent = {
  missing: [],
  results: [row(1, 'pass'), row(2, 'good'), row(0, 'good')],
  subjects: [
    { class_id: 'c', student_id: 's', subject_code: 'math', year_average: 5.8, year_result: null },
    { class_id: 'c', student_id: 's', subject_code: 'literature', year_average: 6.5, year_result: null },
  ],
};

describe('giá trị tính từ điểm trên học bạ (điều chỉnh, phê duyệt)', () => {
  it('the diff lists the corrected term score as an input and Cả năm and the learning result as derived', () => {
    const approved = snapshot(line('math', 'Toán', 3.8, 5.5, 4.9));
    const corrected = withRecomputed(snapshot(line('math', 'Toán', 3.8, 6.8, 4.9)), recomputed);
    const diff = diffSnapshots(approved, corrected);
    expect(diff.inputs).toEqual([{ item: 'Toán — HK II', before: '5,5', after: '6,8', changed: true }]);
    expect(diff.derived.filter((c) => c.changed)).toEqual([
      { item: 'Toán — Cả năm', before: '4,9', after: '5,8', changed: true },
      { item: 'Kết quả học tập — Cả năm', before: 'Đạt', after: 'Khá', changed: true },
    ]);
  });

  it('Cả năm that is not (HK I + 2·HK II)/3 of the printed term averages is stale (TT22 Điều 9)', () => {
    const stale = snapshot(line('math', 'Toán', 3.8, 6.8, 4.9));
    expect(staleValues(stale, undefined, yearAverage)).toEqual([
      'Toán cả năm 4,9 trong khi HK I 3,8, HK II 6,8 cho 5,8',
    ]);
  });

  it('a learning result that differs from what the close computes now is stale, named once', () => {
    const stale = snapshot(line('math', 'Toán', 3.8, 6.8, 5.8), 'pass');
    expect(staleValues(stale, recomputed, yearAverage)).toEqual(['Kết quả học tập — Cả năm: Đạt → Khá']);
  });

  it('a current copy is not stale; a student the rules cannot classify is judged on the copy alone', () => {
    const current = snapshot(line('math', 'Toán', 3.8, 6.8, 5.8), 'good');
    expect(staleValues(current, recomputed, yearAverage)).toEqual([]);
    expect(
      staleValues(current, { ...recomputed, missing: ['Toán HK II: thiếu ĐĐGck'] }, yearAverage),
    ).toEqual([]);
  });
});
