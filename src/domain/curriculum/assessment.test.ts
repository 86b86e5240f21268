import { describe, expect, it } from 'vitest';
import { subjectsForGrade } from './catalogue.ts';

describe('assessment kinds under TT 22/2021 Điều 5 (grades 6–12)', () => {
  const commentOnly = [
    'arts-fine-arts',
    'arts-music',
    'experiential-activities',
    'local-education',
    'physical-education',
  ];

  it.each([6, 7, 8, 9, 10, 11, 12])(
    'grade %i: exactly GDTC, Nghệ thuật/Âm nhạc/Mĩ thuật, GDĐP and HĐTN-HN are comment-only',
    (grade) => {
      const subjects = subjectsForGrade(grade);
      expect(
        subjects
          .filter((subject) => subject.assessment === 'comment')
          .map((subject) => subject.code)
          .sort(),
      ).toEqual(commentOnly);
      for (const subject of subjects) expect(subject.assessment).not.toBeNull();
    },
  );

  it('scores Giáo dục quốc phòng và an ninh (it is not in the comment-only list)', () => {
    expect(subjectsForGrade(10).find((subject) => subject.code === 'national-defence')?.assessment).toBe(
      'score',
    );
  });

  it('gives primary subjects no TT 22 kind: TT 27 governs grades 1–5', () => {
    for (const subject of subjectsForGrade(3)) expect(subject.assessment).toBeNull();
  });
});

describe('primary periodic tests under TT 27/2020 Điều 7', () => {
  const tested = (grade: number, when: 'endOfTerm' | 'midTerm') =>
    subjectsForGrade(grade)
      .filter((subject) => subject.periodicTests?.[when])
      .map((subject) => subject.code)
      .sort();

  it('grades 1–2: end-of-term tests only in Tiếng Việt and Toán', () => {
    expect(tested(1, 'endOfTerm')).toEqual(['math', 'vietnamese']);
    expect(tested(2, 'endOfTerm')).toEqual(['math', 'vietnamese']);
  });

  it('grade 3: adds Ngoại ngữ 1 and Tin học và Công nghệ', () => {
    expect(tested(3, 'endOfTerm')).toEqual([
      'foreign-language-1',
      'informatics-technology',
      'math',
      'vietnamese',
    ]);
  });

  it.each([4, 5])('grade %i: end-of-term tests include Khoa học and Lịch sử và Địa lí', (grade) => {
    expect(tested(grade, 'endOfTerm')).toEqual(
      [
        'foreign-language-1',
        'history-geography',
        'informatics-technology',
        'math',
        'science',
        'vietnamese',
      ].sort(),
    );
  });

  it('mid-term tests only in Tiếng Việt and Toán, and only in grades 4–5', () => {
    expect(tested(3, 'midTerm')).toEqual([]);
    expect(tested(4, 'midTerm')).toEqual(['math', 'vietnamese']);
    expect(tested(5, 'midTerm')).toEqual(['math', 'vietnamese']);
  });

  it('no periodic tests in secondary grades (TT 22 has its own mid- and end-of-term assessments)', () => {
    for (const subject of subjectsForGrade(7)) expect(subject.periodicTests).toBeNull();
  });
});

describe('confirmation flags', () => {
  it('flags the values that were not confirmed against a transcription of the official tables', () => {
    const unconfirmed = subjectsForGrade(10).filter((subject) => !subject.confirmed);
    expect(unconfirmed.map((subject) => subject.code)).toContain('literature');
    expect(subjectsForGrade(10).find((subject) => subject.code === 'history')?.confirmed).toBe(true);
    expect(subjectsForGrade(6).find((subject) => subject.code === 'math')?.confirmed).toBe(true);
    expect(subjectsForGrade(6).find((subject) => subject.code === 'arts-music')?.confirmed).toBe(false);
  });
});
