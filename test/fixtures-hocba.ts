import type { TranscriptPrint } from '../src/features/transcripts/pdf.ts';

// One fixed secondary student for the học bạ golden images (src/features/transcripts/hocba-golden.test.ts): every
// date is fixed and nothing is read from the clock or the database, so the rendered pages are the same on every run.

const line = (
  code: string,
  name: string,
  t1: number,
  t2: number,
  year: number,
  retest: number | null = null,
) => ({
  code,
  name,
  kind: 'score' as const,
  term1: t1,
  term2: t2,
  year,
  term1Result: null,
  term2Result: null,
  yearResult: null,
  retestScore: retest,
  retestResult: null,
  comment: null,
});
const pass = (code: string, name: string) => ({
  code,
  name,
  kind: 'comment' as const,
  term1: null,
  term2: null,
  year: null,
  term1Result: 'pass' as const,
  term2Result: 'pass' as const,
  yearResult: 'pass' as const,
  retestScore: null,
  retestResult: null,
  comment: null,
});

export const GOLDEN_PRINT: TranscriptPrint = {
  snapshot: {
    layout: 'tt22',
    schoolYear: '2025-2026',
    school: { name: 'Trường THCS Nguyễn Du', governingBody: 'UBND xã Hòa Bình', place: 'Hòa Bình' },
    class: { id: 'class-fixture', name: '7A', grade: 7, homeroomTeacherName: 'Trần Thị Mai' },
    student: {
      id: 'student-fixture',
      fullName: 'Nguyễn Văn An',
      birthDate: '2013-09-05',
      gender: 'male',
      ethnicity: 'kinh',
      moetStudentCode: '0123456789',
      address: 'Thôn Đông, xã Hòa Bình',
      guardians: [
        { relationship: 'father', fullName: 'Nguyễn Văn Bình' },
        { relationship: 'mother', fullName: 'Lê Thị Cúc' },
      ],
      policyFlags: ['war_invalid_child'],
    },
    subjects: [
      line('NV', 'Ngữ văn', 6.8, 7.2, 7.1),
      line('TOAN', 'Toán', 4.1, 4.6, 4.4, 5),
      line('NN1', 'Ngoại ngữ 1', 7.5, 8.0, 7.8),
      line('GDCD', 'Giáo dục công dân', 8.0, 8.5, 8.3),
      line('LSDL', 'Lịch sử và Địa lí', 6.5, 7.0, 6.8),
      line('KHTN', 'Khoa học tự nhiên', 6.0, 6.4, 6.3),
      line('CN', 'Công nghệ', 7.0, 7.5, 7.3),
      line('TH', 'Tin học', 8.5, 9.0, 8.8),
      pass('GDTC', 'Giáo dục thể chất'),
      pass('NT', 'Nghệ thuật (Âm nhạc, Mĩ thuật)'),
      pass('HDTN', 'Hoạt động trải nghiệm, hướng nghiệp'),
      pass('GDDP', 'Nội dung giáo dục của địa phương'),
    ],
    results: [
      { term: 1, learning: 'pass', conduct: 'good' },
      { term: 2, learning: 'pass', conduct: 'good' },
      { term: 0, learning: 'fail', conduct: 'good' },
    ],
    absentSessions: 4,
    promotion: 'retest',
    finalPromotion: 'promoted',
    summerConduct: null,
    learningAfterRetest: 'pass',
    award: null,
    homeroomComment: 'Em chăm ngoan, cần cố gắng hơn ở môn Toán.',
    primary: null,
    builtAt: '2026-06-01T00:00:00.000Z',
  },
  status: 'approved',
  version: 2,
  correctionReason: 'Nhập nhầm điểm cuối kì II môn Toán.',
  homeroomSignedBy: 'Trần Thị Mai',
  homeroomSignedAt: new Date('2026-05-28T03:00:00.000Z'),
  approvedBy: 'Phạm Văn Hùng',
  approvedAt: new Date('2026-05-30T03:00:00.000Z'),
  context: {
    history: [
      {
        schoolYear: '2024-2025',
        className: '6A',
        schoolName: 'Trường THCS Nguyễn Du',
        enrolledOn: '2024-09-05',
      },
      {
        schoolYear: '2025-2026',
        className: '7A',
        schoolName: 'Trường THCS Nguyễn Du',
        enrolledOn: '2025-09-05',
      },
    ],
    teachers: { NV: 'Đỗ Thị Lan', TOAN: 'Hoàng Văn Nam', NN1: 'Vũ Thị Hoa', GDTC: 'Lý Văn Tâm' },
    corrections: [
      { version: 2, subject: 'TOAN' },
      { version: 2, subject: 'TOAN' },
    ],
  },
};
