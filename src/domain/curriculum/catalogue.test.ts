import { describe, expect, it } from 'vitest';
import { periodsPerYear, subjectByCode, subjectsForGrade } from './catalogue.ts';
import type { GradeSubject, OfferingStatus, SubjectCode } from './subject.ts';
import {
  SUBJECTS,
  UPPER_SECONDARY_ELECTIVES_TO_CHOOSE,
  UPPER_SECONDARY_LEARNING_TOPIC_PERIODS,
} from './subjects.ts';

const codesWith = (grade: number, status: OfferingStatus) =>
  subjectsForGrade(grade)
    .filter((subject) => subject.status === status)
    .map((subject) => subject.code)
    .sort();
const sum = (subjects: GradeSubject[]) =>
  subjects.reduce((total, subject) => total + subject.periodsPerYear, 0);
const compulsoryPeriods = (grade: number) =>
  sum(subjectsForGrade(grade).filter((subject) => subject.status === 'compulsory'));

describe('subjects catalogue', () => {
  it('has unique codes, and every subject is taught in at least one grade', () => {
    expect(new Set(SUBJECTS.map((subject) => subject.code)).size).toBe(SUBJECTS.length);
    for (const subject of SUBJECTS) expect(Object.keys(subject.grades).length).toBeGreaterThan(0);
  });

  it('stores Vietnamese names composed (NFC), so they compare and display consistently', () => {
    for (const subject of SUBJECTS) {
      expect(subject.name).toBe(subject.name.normalize('NFC'));
      expect(subject.shortName).toBe(subject.shortName.normalize('NFC'));
    }
  });

  it('finds a subject by code and returns nothing for an unknown code', () => {
    expect(subjectByCode('natural-science')?.name).toBe('Khoa học tự nhiên');
    expect(subjectByCode('civics')).toBeUndefined();
  });

  it('returns no subjects for a grade outside 1–12', () => {
    for (const grade of [0, 13, -1, 6.5, Number.NaN]) expect(subjectsForGrade(grade)).toEqual([]);
  });
});

describe('subjects per grade (Chương trình GDPT 2018, TT 32/2018 as amended by TT 13/2022)', () => {
  const primaryCore: SubjectCode[] = ['vietnamese', 'math', 'ethics', 'physical-education', 'arts-music'];
  const primaryCoreRest: SubjectCode[] = ['arts-fine-arts', 'experiential-activities'];

  it.each([
    [1, [...primaryCore, ...primaryCoreRest, 'nature-society']],
    [2, [...primaryCore, ...primaryCoreRest, 'nature-society']],
    [
      3,
      [...primaryCore, ...primaryCoreRest, 'nature-society', 'foreign-language-1', 'informatics-technology'],
    ],
    [
      4,
      [
        ...primaryCore,
        ...primaryCoreRest,
        'foreign-language-1',
        'history-geography',
        'science',
        'informatics-technology',
      ],
    ],
    [
      5,
      [
        ...primaryCore,
        ...primaryCoreRest,
        'foreign-language-1',
        'history-geography',
        'science',
        'informatics-technology',
      ],
    ],
  ] as const)('grade %i (tiểu học) has the compulsory subjects of the primary plan', (grade, expected) => {
    expect(codesWith(grade, 'compulsory')).toEqual([...expected].sort());
  });

  it('offers Ngoại ngữ 1 as optional in grades 1–2 and Tiếng dân tộc thiểu số as optional in primary', () => {
    expect(codesWith(1, 'optional')).toEqual(['ethnic-minority-language', 'foreign-language-1']);
    expect(codesWith(3, 'optional')).toEqual(['ethnic-minority-language']);
  });

  it.each([6, 7, 8, 9])(
    'grade %i (THCS) has the 10 subjects and 2 activities of the lower-secondary plan',
    (grade) => {
      expect(codesWith(grade, 'compulsory')).toEqual(
        [
          'literature',
          'math',
          'foreign-language-1',
          'civic-education',
          'history-geography',
          'natural-science',
          'technology',
          'informatics',
          'physical-education',
          'arts-music',
          'arts-fine-arts',
          'experiential-activities',
          'local-education',
        ].sort(),
      );
      expect(codesWith(grade, 'optional')).toEqual(['ethnic-minority-language', 'foreign-language-2']);
      expect(codesWith(grade, 'elective')).toEqual([]);
    },
  );

  it.each([10, 11, 12])('grade %i (THPT) has 8 compulsory subjects/activities and 9 electives', (grade) => {
    expect(codesWith(grade, 'compulsory')).toEqual(
      [
        'literature',
        'math',
        'foreign-language-1',
        'history',
        'physical-education',
        'national-defence',
        'experiential-activities',
        'local-education',
      ].sort(),
    );
    expect(codesWith(grade, 'elective')).toEqual(
      [
        'geography',
        'economics-law',
        'physics',
        'chemistry',
        'biology',
        'technology',
        'informatics',
        'arts-music',
        'arts-fine-arts',
      ].sort(),
    );
    expect(UPPER_SECONDARY_ELECTIVES_TO_CHOOSE).toBe(4);
  });

  it('names the activity Hoạt động trải nghiệm in primary and Hoạt động trải nghiệm, hướng nghiệp from grade 6', () => {
    const name = (grade: number) =>
      subjectsForGrade(grade).find((subject) => subject.code === 'experiential-activities')?.name;
    expect(name(5)).toBe('Hoạt động trải nghiệm');
    expect(name(6)).toBe('Hoạt động trải nghiệm, hướng nghiệp');
  });

  it('marks Âm nhạc and Mĩ thuật as parts of Nghệ thuật in grades 1–9 only', () => {
    const music = subjectByCode('arts-music');
    expect(music?.partOf?.name).toBe('Nghệ thuật');
    expect(music?.partOf?.grades).toContain(9);
    expect(music?.partOf?.grades).not.toContain(10);
  });
});

describe('periods per school year', () => {
  it.each([
    [1, 875],
    [2, 875],
    [3, 980],
    [4, 1050],
    [5, 1050],
  ])('primary grade %i totals %i compulsory periods, as in the primary plan', (grade, total) => {
    expect(compulsoryPeriods(grade)).toBe(total);
  });

  it.each([
    [6, 1015],
    [7, 1015],
    [8, 1032],
    [9, 1032],
  ])(
    'lower-secondary grade %i totals %i compulsory periods, as in the lower-secondary plan',
    (grade, total) => {
      expect(compulsoryPeriods(grade)).toBe(total);
    },
  );

  it.each([
    ['literature', 140],
    ['math', 140],
    ['natural-science', 140],
    ['foreign-language-1', 105],
    ['history-geography', 105],
    ['civic-education', 35],
    ['informatics', 35],
    ['physical-education', 70],
    ['experiential-activities', 105],
    ['local-education', 35],
  ] as const)('lower secondary: %s has %i periods in every grade 6–9', (code, periods) => {
    for (const grade of [6, 7, 8, 9]) expect(periodsPerYear(code, grade)).toBe(periods);
  });

  it('lower secondary: Công nghệ has 35 periods in grades 6–7 and 52 in grades 8–9', () => {
    expect([6, 7, 8, 9].map((grade) => periodsPerYear('technology', grade))).toEqual([35, 35, 52, 52]);
  });

  it('lower secondary: Nghệ thuật (Âm nhạc + Mĩ thuật) has 70 periods', () => {
    for (const grade of [6, 7, 8, 9]) {
      expect(
        (periodsPerYear('arts-music', grade) ?? 0) + (periodsPerYear('arts-fine-arts', grade) ?? 0),
      ).toBe(70);
    }
  });

  it('upper secondary: Lịch sử has 52 periods and GDQP&AN 35 (TT 13/2022)', () => {
    expect(periodsPerYear('history', 10)).toBe(52);
    expect(periodsPerYear('national-defence', 12)).toBe(35);
  });

  it('upper secondary: compulsory + 4 electives + 3 learning-topic clusters make 997 periods a year', () => {
    const electives = subjectsForGrade(11).filter((subject) => subject.status === 'elective');
    for (const elective of electives) expect(elective.periodsPerYear).toBe(70);
    const topics =
      UPPER_SECONDARY_LEARNING_TOPIC_PERIODS.clusters *
      UPPER_SECONDARY_LEARNING_TOPIC_PERIODS.periodsPerCluster;
    expect(compulsoryPeriods(11) + UPPER_SECONDARY_ELECTIVES_TO_CHOOSE * 70 + topics).toBe(997);
  });

  it('returns nothing for a subject not taught in the grade, an unknown code or grade', () => {
    expect(periodsPerYear('science', 6)).toBeUndefined();
    expect(periodsPerYear('history', 9)).toBeUndefined();
    expect(periodsPerYear('latin', 6)).toBeUndefined();
    expect(periodsPerYear('math', 13)).toBeUndefined();
  });
});
