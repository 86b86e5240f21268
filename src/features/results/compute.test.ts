import { describe, expect, it } from 'vitest';
import type { PassFail } from '../../domain/grading/index.ts';
import type { ScoreInputRow } from '../gradebook/reads.ts';
import { classSubjects, computeStudent, subjectTermResult } from './compute.ts';

function rows(grade: number, arts: { music: PassFail; fineArts: PassFail }): ScoreInputRow[] {
  const out: ScoreInputRow[] = [];
  for (const subject of classSubjects(grade, []))
    for (const term of [1, 2] as const) {
      const comment =
        subject.code === 'arts-music'
          ? arts.music
          : subject.code === 'arts-fine-arts'
            ? arts.fineArts
            : 'pass';
      out.push({
        studentId: 's1',
        classId: 'c1',
        subjectCode: subject.code,
        term,
        regular: subject.kind === 'score' ? [7, 7, 7, 7] : [],
        midterm: subject.kind === 'score' ? 7 : null,
        final: subject.kind === 'score' ? 7 : null,
        regularResults: subject.kind === 'comment' ? ['pass', 'pass'] : [],
        midtermResult: subject.kind === 'comment' ? 'pass' : null,
        finalResult: subject.kind === 'comment' ? comment : null,
      });
    }
  return out;
}

function yearOf(grade: number, arts: { music: PassFail; fineArts: PassFail }) {
  return computeStudent(
    classSubjects(grade, []),
    {
      studentId: 's1',
      grade,
      scores: rows(grade, arts),
      conduct: { 1: 'excellent', 2: 'excellent' },
      absentSessions: 0,
      retests: new Map(),
      summerConduct: null,
    },
    'year',
  );
}

describe('the close counts Nghệ thuật at THCS as one subject (TT22 Điều 5 khoản 1, Điều 9 khoản 2)', () => {
  it('grade 7, Âm nhạc and Mĩ thuật both Chưa đạt: one comment subject Chưa đạt → learning Đạt, promoted', () => {
    const outcome = yearOf(7, { music: 'fail', fineArts: 'fail' });
    expect(outcome.missing).toEqual([]);
    expect(outcome.year?.learning).toBe('pass');
    expect(outcome.year?.promotion).toBe('promoted');
    // Each content keeps its own stored year result (the teachers' records); only the count combines them.
    expect(outcome.subjects.filter((s) => s.subjectCode.startsWith('arts')).map((s) => s.yearResult)).toEqual(
      ['fail', 'fail'],
    );
  });

  it('grade 7, both contents Đạt: Khá with every scored subject at 7,0', () => {
    expect(yearOf(7, { music: 'pass', fineArts: 'pass' }).year?.learning).toBe('good');
  });
});

describe('the close requires and counts the chuyên đề ĐĐGtx of a THPT subject with learning topics', () => {
  const assignment = {
    id: 'a1',
    classId: 'c1',
    subjectCode: 'math',
    teacherId: 't1',
    teacherName: 'Giáo viên',
    periodsPerYear: 105,
  };
  const row = (regular: number[]): ScoreInputRow => ({
    studentId: 's1',
    classId: 'c1',
    subjectCode: 'math',
    term: 1,
    regular,
    midterm: 7,
    final: 8,
    regularResults: [],
    midtermResult: null,
    finalResult: null,
  });

  it('Toán 105 periods with learning topics: four ĐĐGtx are not enough; five give (40 + 14 + 24) / 10 = 7,8', () => {
    const [math] = classSubjects(11, [{ ...assignment, learningTopics: true }]);
    if (!math) throw new Error('no subject');
    expect(subjectTermResult(math, row([8, 7, 9, 6]), 1)).toEqual({ missing: 'Toán HK I: thiếu ĐĐGtx 4/5' });
    expect(subjectTermResult(math, row([8, 7, 9, 6, 10]), 1)).toEqual({
      result: { subject: 'math', kind: 'score', average: 7.8 },
    });
  });

  it('without learning topics four ĐĐGtx make the average: (30 + 14 + 24) / 9 = 7,6', () => {
    const [math] = classSubjects(11, [{ ...assignment, learningTopics: false }]);
    if (!math) throw new Error('no subject');
    expect(subjectTermResult(math, row([8, 7, 9, 6]), 1)).toEqual({
      result: { subject: 'math', kind: 'score', average: 7.6 },
    });
  });
});
