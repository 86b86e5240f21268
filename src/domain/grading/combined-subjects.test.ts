import { describe, expect, it } from 'vitest';
import {
  combinedContentResult,
  combinedSubjectOf,
  subjectGroups,
  withCombinedSubjects,
} from './combined-subjects.ts';
import { learningResult } from './learning-result.ts';
import type { SubjectResult } from './types.ts';

const scored = (subject: string, average: number): SubjectResult => ({ subject, kind: 'score', average });
const comment = (subject: string, result: 'pass' | 'fail'): SubjectResult => ({
  subject,
  kind: 'comment',
  result,
});

/** Eight scored subjects at 7,0 (Khá by the scores) and the comment-only subjects of a THCS timetable. */
function thcs(music: 'pass' | 'fail', fineArts: 'pass' | 'fail', pe: 'pass' | 'fail' = 'pass') {
  return [
    ...[
      'literature',
      'math',
      'english',
      'civics',
      'history-geography',
      'science',
      'technology',
      'informatics',
    ].map((code) => scored(code, 7)),
    comment('physical-education', pe),
    comment('arts-music', music),
    comment('arts-fine-arts', fineArts),
    comment('local-content', 'pass'),
    comment('experiential', 'pass'),
  ];
}

describe('Nghệ thuật at THCS is one subject (TT22 Điều 5 khoản 1; CV 3699/BGDĐT-GDTrH as applied by Sở TP.HCM 2822)', () => {
  it('Âm nhạc and Mĩ thuật are contents of Nghệ thuật in grades 6–9 only; at THPT they are subjects of their own', () => {
    for (const grade of [6, 7, 8, 9]) expect(combinedSubjectOf('arts-music', grade)?.name).toBe('Nghệ thuật');
    expect(combinedSubjectOf('arts-fine-arts', 9)?.printedName).toBe('Nghệ thuật (Âm nhạc, Mĩ thuật)');
    for (const grade of [10, 11, 12]) expect(combinedSubjectOf('arts-music', grade)).toBeUndefined();
    expect(combinedSubjectOf('math', 7)).toBeUndefined();
  });

  it('Đạt only when both contents are Đạt; Chưa đạt when either is; no result while one is missing', () => {
    expect(combinedContentResult(['pass', 'pass'])).toBe('pass');
    expect(combinedContentResult(['pass', 'fail'])).toBe('fail');
    expect(combinedContentResult(['fail', 'fail'])).toBe('fail');
    expect(combinedContentResult(['pass', null])).toBeNull();
    expect(combinedContentResult(['fail', null])).toBe('fail');
    expect(combinedContentResult([])).toBeNull();
  });

  it('the learning result counts one Nghệ thuật in place of its two contents', () => {
    expect(withCombinedSubjects(thcs('pass', 'fail'), 7).filter((s) => s.kind === 'comment')).toEqual([
      comment('physical-education', 'pass'),
      comment('arts', 'fail'),
      comment('local-content', 'pass'),
      comment('experiential', 'pass'),
    ]);
    // Grade 10: the same codes are two electives and stay two subjects.
    expect(withCombinedSubjects(thcs('pass', 'fail'), 10)).toEqual(thcs('pass', 'fail'));
  });

  it('Chưa đạt in both Âm nhạc and Mĩ thuật is one subject Chưa đạt: Đạt (Điều 9 khoản 2 điểm c), not Chưa đạt', () => {
    expect(learningResult(thcs('fail', 'fail'))).toBe('fail');
    expect(learningResult(withCombinedSubjects(thcs('fail', 'fail'), 8))).toBe('pass');
  });

  it('Nghệ thuật Chưa đạt with GDTC Chưa đạt is two comment subjects Chưa đạt: Chưa đạt', () => {
    expect(learningResult(withCombinedSubjects(thcs('pass', 'fail', 'fail'), 6))).toBe('fail');
  });

  it('one content Chưa đạt keeps the student from Khá as before (every comment subject must be Đạt)', () => {
    expect(learningResult(withCombinedSubjects(thcs('pass', 'pass'), 9))).toBe('good');
    expect(learningResult(withCombinedSubjects(thcs('fail', 'pass'), 9))).toBe('pass');
  });
});

describe('subjectGroups: the summary columns of the record book (TT22 Điều 5 khoản 1)', () => {
  const list = ['math', 'arts-music', 'physical-education', 'arts-fine-arts'].map((code) => ({ code }));

  it('grade 6: Âm nhạc and Mĩ thuật are one column Nghệ thuật, at the place of the first content', () => {
    expect(subjectGroups(list, 6)).toEqual([
      { code: 'math', members: [{ code: 'math' }] },
      {
        code: 'arts',
        combinedName: 'Nghệ thuật',
        members: [{ code: 'arts-music' }, { code: 'arts-fine-arts' }],
      },
      { code: 'physical-education', members: [{ code: 'physical-education' }] },
    ]);
  });

  it('grade 10: the electives Âm nhạc and Mĩ thuật stay two columns', () => {
    expect(subjectGroups(list, 10).map((g) => g.code)).toEqual([
      'math',
      'arts-music',
      'physical-education',
      'arts-fine-arts',
    ]);
  });
});
