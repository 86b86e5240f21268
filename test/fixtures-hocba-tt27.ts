import { PRIMARY_COMPETENCIES, PRIMARY_QUALITIES } from '../src/domain/grading/index.ts';
import type { TranscriptPrint } from '../src/features/transcripts/pdf.ts';
import type { PrimarySection, TranscriptSnapshot } from '../src/features/transcripts/snapshot.ts';

// Fixed primary pupils for the TT27 học bạ (golden images and the text-extraction test of every outcome branch):
// every date is fixed and nothing is read from the clock or the database.

type Subject = PrimarySection['subjects'][number];
const subject = (
  code: string,
  name: string,
  level: string,
  testScore: number | null,
  comment: string | null,
) =>
  ({
    code,
    name,
    end1: { level: 'completed', testScore: testScore === null ? null : 7, comment: null },
    end2: { level, testScore, comment },
  }) satisfies Subject;

/** A grade-4 pupil's year: `subjectLevel` everywhere, Toán at `math`, traits at `trait`, tests at `score`. */
export function primarySection(o: {
  subjectLevel: string;
  trait: string;
  score: number;
  math?: { level: string; score: number };
  outcome: PrimarySection['outcome'];
  outcomeAfterSupport?: PrimarySection['outcome'];
  recognition?: string | null;
  grade?: number;
}): PrimarySection {
  const math = o.math ?? { level: o.subjectLevel, score: o.score };
  return {
    subjects: [
      subject('vietnamese', 'Tiếng Việt', o.subjectLevel, o.score, 'Đọc diễn cảm, viết đúng chính tả.'),
      subject('math', 'Toán', math.level, math.score, 'Tính nhanh, cẩn thận khi đặt tính.'),
      subject('foreign-language-1', 'Ngoại ngữ 1', o.subjectLevel, o.score, null),
      subject('ethics', 'Đạo đức', o.subjectLevel, null, 'Lễ phép với thầy cô.'),
      subject('nature-society', 'Tự nhiên và Xã hội', o.subjectLevel, null, null),
      subject('physical-education', 'Giáo dục thể chất', o.subjectLevel, null, null),
      subject('experiential', 'Hoạt động trải nghiệm', o.subjectLevel, null, null),
    ],
    qualities: PRIMARY_QUALITIES.map((name) => ({
      name,
      end1: 'pass',
      end2: o.trait,
      comment: name === 'Trách nhiệm' ? 'Giữ gìn lớp học sạch đẹp.' : null,
    })),
    competences: PRIMARY_COMPETENCIES.map((name) => ({
      name,
      end1: 'pass',
      end2: o.trait,
      comment: name === 'Tự chủ và tự học' ? 'Tự giác chuẩn bị đồ dùng học tập.' : null,
    })),
    outcome: o.outcome,
    outcomeAfterSupport: o.outcomeAfterSupport ?? null,
    recognition: o.recognition ?? null,
    completesProgramme: false,
  };
}

export function primaryPrint(
  primary: PrimarySection,
  result: Partial<Pick<TranscriptSnapshot, 'award' | 'finalPromotion' | 'principalDecisionReason'>> = {},
  grade = 4,
): TranscriptPrint {
  return {
    snapshot: {
      layout: 'tt27',
      schoolYear: '2025-2026',
      school: { name: 'Trường Tiểu học Hoà Bình', governingBody: 'UBND xã Hòa Bình', place: 'Hòa Bình' },
      class: { id: 'class-fixture', name: `${grade}A`, grade, homeroomTeacherName: 'Đỗ Thị Mai' },
      student: {
        id: 'student-fixture',
        fullName: 'Nguyễn Minh An',
        birthDate: '2016-03-12',
        gender: 'male',
        ethnicity: 'kinh',
        moetStudentCode: '0201234567',
        address: 'Thôn Đông, xã Hòa Bình',
        guardians: [
          { relationship: 'father', fullName: 'Nguyễn Văn Bình' },
          { relationship: 'mother', fullName: 'Lê Thị Cúc' },
        ],
        policyFlags: [],
      },
      subjects: [],
      results: [],
      absentSessions: 2,
      promotion: primary.outcome && primary.outcome !== 'not_completed' ? 'promoted' : null,
      finalPromotion: result.finalPromotion ?? null,
      summerConduct: null,
      learningAfterRetest: null,
      principalDecisionReason: result.principalDecisionReason ?? null,
      award: result.award ?? null,
      homeroomComment: null,
      primary: { ...primary, completesProgramme: grade === 5 && primary.outcome !== 'not_completed' },
      builtAt: '2026-06-01T00:00:00.000Z',
    },
    status: 'approved',
    version: 1,
    correctionReason: null,
    homeroomSignedBy: 'Đỗ Thị Mai',
    homeroomSignedAt: new Date('2026-05-28T03:00:00.000Z'),
    approvedBy: 'Phạm Văn Hùng',
    approvedAt: new Date('2026-05-30T03:00:00.000Z'),
    context: {
      history: [
        {
          schoolYear: '2022-2023',
          className: '1A',
          schoolName: 'Trường Tiểu học Hoà Bình',
          enrolledOn: '2022-09-05',
        },
        {
          schoolYear: '2023-2024',
          className: '2A',
          schoolName: 'Trường Tiểu học Hoà Bình',
          enrolledOn: '2023-09-05',
        },
        {
          schoolYear: '2024-2025',
          className: '3A',
          schoolName: 'Trường Tiểu học Hoà Bình',
          enrolledOn: '2024-09-05',
        },
        {
          schoolYear: '2025-2026',
          className: '4A',
          schoolName: 'Trường Tiểu học Hoà Bình',
          enrolledOn: '2025-09-05',
        },
      ],
      teachers: {},
      corrections: [],
    },
  };
}

/** The golden pupil: Hoàn thành tốt, recognised Học sinh Tiêu biểu. */
export const GOLDEN_PRIMARY_PRINT = primaryPrint(
  primarySection({
    subjectLevel: 'completed_well',
    trait: 'good',
    score: 8,
    outcome: 'completed_well',
    recognition: 'Giải Nhì Trạng nguyên Tiếng Việt cấp trường',
  }),
  { award: 'exemplary', finalPromotion: 'promoted' },
);
