import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildStudentResult,
  buildSubjectYearResult,
} from '../../../test/factories-transcripts.ts';
import {
  expectedDecisionLines,
  LEVEL_WORDS,
  PRIMARY_GRADES,
  PRIMARY_OUTCOMES,
  SECONDARY_GRADES,
  SECONDARY_OUTCOMES,
  type SecondaryOutcomeFixture,
} from '../../../test/fixtures-decisions.ts';
import { extractPdfText } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';

// The học bạ prints the decision the stored results make, for every outcome of a school year and every kind of
// grade (TT22 Điều 12–14; TT27 Điều 9 for primary): the rows are written as the close and the summer store them,
// the PDF is rendered through the API and its text extracted with pdfjs-dist.

const MARK = '[X]';
const BLANK = '[ ]';
/** pdfjs splits and joins text items with spaces; compare with runs of white space made one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.each(STORAGES)('dòng quyết định và kết quả in trên học bạ theo kết quả đã lưu (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  const secondary: {
    grade: number;
    fixture: SecondaryOutcomeFixture;
    cls: Row<'classes'>;
    student: Row<'students'>;
  }[] = [];
  const primary: {
    grade: number;
    fixture: (typeof PRIMARY_OUTCOMES)[number];
    cls: Row<'classes'>;
    student: Row<'students'>;
  }[] = [];

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    for (const grade of SECONDARY_GRADES) {
      const { cls, students } = await buildClassWithStudents(t.db, {
        unit: u.schoolA,
        name: `${grade}A`,
        grade,
        students: SECONDARY_OUTCOMES.map((f) => `Học sinh ${grade} ${f.key}`),
      });
      for (const [i, fixture] of SECONDARY_OUTCOMES.entries()) {
        const student = students[i] as Row<'students'>;
        await storeSecondary(t, cls, student, fixture);
        secondary.push({ grade, fixture, cls, student });
      }
    }
    for (const grade of PRIMARY_GRADES) {
      const { cls, students } = await buildClassWithStudents(t.db, {
        unit: u.schoolA,
        name: `${grade}A`,
        grade,
        students: PRIMARY_OUTCOMES.map((f) => `Học sinh ${grade} ${f.outcome}`),
      });
      for (const [i, fixture] of PRIMARY_OUTCOMES.entries()) {
        const student = students[i] as Row<'students'>;
        // As the primary close stores it: promoted when the outcome completes the grade (TT27 Điều 11).
        await buildStudentResult(t.db, {
          cls,
          student,
          term: 0,
          primaryOutcome: fixture.outcome,
          promotion: fixture.completes ? 'promoted' : null,
          finalPromotion: fixture.completes ? 'promoted' : null,
        });
        primary.push({ grade, fixture, cls, student });
      }
    }
    principal = await t.as('ht.a');
  }, 120_000);
  afterAll(() => t.close());

  const pdfText = async (cls: Row<'classes'>, student: Row<'students'>) => {
    const res = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${student.id}/pdf`);
    expect(res.status).toBe(200);
    return squash(await extractPdfText(res.raw));
  };

  it('mọi kết quả × mọi khối 6–12: đúng một dòng được đánh dấu, đúng với kết quả đã lưu', async () => {
    expect(secondary).toHaveLength(SECONDARY_OUTCOMES.length * SECONDARY_GRADES.length);
    for (const { grade, fixture, cls, student } of secondary) {
      const text = await pdfText(cls, student);
      const lines = expectedDecisionLines(grade);
      const where = `lớp ${grade}, ${fixture.key}`;
      for (const [decision, words] of Object.entries(lines)) {
        const marked = decision === fixture.expected;
        expect(text, `${where}: ${words}`).toContain(`${marked ? MARK : BLANK} ${words}`);
      }
      expect(text.split(MARK).length - 1, where).toBe(fixture.expected === null ? 0 : 1);
      if (fixture.expected === null) expect(text, where).toContain('Đang chờ kết quả kiểm tra, đánh giá lại');
      // The wording of the old line must not come back for anyone.
      expect(text, where).not.toContain('Lên lớp sau kiểm tra lại hoặc rèn luyện trong hè');
    }
  }, 300_000);

  it('kết quả in ra khớp kết quả đã lưu: học tập, rèn luyện, sau kiểm tra lại/rèn luyện hè, điểm môn và điểm kiểm tra lại', async () => {
    for (const { grade, fixture, cls, student } of secondary.filter((s) => s.grade === 7 || s.grade === 12)) {
      const text = await pdfText(cls, student);
      const where = `lớp ${grade}, ${fixture.key}`;
      // The form's results table: one row per term, conduct then learning; then the row after the summer.
      expect(text, where).toContain('Học kì I Tốt Khá');
      expect(text, where).toContain('Học kì II Tốt Khá');
      expect(text, where).toContain(
        `Cả năm ${LEVEL_WORDS[fixture.conduct]} ${LEVEL_WORDS[fixture.learning]}`,
      );
      const afterSummer = ['Sau rèn luyện, kiểm tra, đánh giá lại trong kì nghỉ hè'];
      if (fixture.summerConduct) afterSummer.push(LEVEL_WORDS[fixture.summerConduct]);
      if (fixture.learningAfterRetest) afterSummer.push(LEVEL_WORDS[fixture.learningAfterRetest]);
      expect(text, where).toContain(`${afterSummer.join(' ')} Tổng số buổi`);
      // One decimal with a comma, the re-test score too ("5,0", never "5").
      const mathYear = fixture.mathYear.toFixed(1).replace('.', ',');
      const mathRow =
        fixture.mathRetest === null
          ? mathYear
          : `${mathYear} ${fixture.mathRetest.toFixed(1).replace('.', ',')}`;
      expect(text, where).toContain(`Toán ${mathRow}`);
      const pe = { pass: 'Đ', fail: 'CĐ' };
      const peRow =
        fixture.peRetest === null ? pe[fixture.peYear] : `${pe[fixture.peYear]} ${pe[fixture.peRetest]}`;
      expect(text, where).toContain(`Giáo dục thể chất ${peRow}`);
      expect(text, where).toContain(`Tổng số buổi nghỉ học cả năm: ${fixture.absentSessions}`);
    }
  }, 300_000);

  it('tiểu học: kết quả giáo dục in đúng mức đã lưu; lớp 5 hoàn thành chương trình khi hoàn thành (TT27)', async () => {
    expect(primary).toHaveLength(PRIMARY_OUTCOMES.length * PRIMARY_GRADES.length);
    for (const { grade, fixture, cls, student } of primary) {
      const text = await pdfText(cls, student);
      const where = `lớp ${grade}, ${fixture.outcome}`;
      expect(text, where).toContain(`4. Đánh giá kết quả giáo dục: ${fixture.words} 5. Khen thưởng`);
      const completesProgramme = grade === 5 && fixture.completes;
      expect(text.includes('Hoàn thành chương trình tiểu học'), where).toBe(completesProgramme);
      expect(text, where).not.toContain(MARK);
    }
  }, 300_000);
});

/** The rows the year close and the summer store for one secondary student. */
async function storeSecondary(
  t: TestApp,
  cls: Row<'classes'>,
  student: Row<'students'>,
  f: SecondaryOutcomeFixture,
): Promise<void> {
  await buildStudentResult(t.db, { cls, student, term: 1, learning: 'good', conduct: 'excellent' });
  await buildStudentResult(t.db, { cls, student, term: 2, learning: 'good', conduct: 'excellent' });
  await buildStudentResult(t.db, {
    cls,
    student,
    term: 0,
    learning: f.learning,
    conduct: f.conduct,
    absentSessions: f.absentSessions,
    promotion: f.promotion,
    finalPromotion: f.finalPromotion,
    summerConduct: f.summerConduct,
    learningAfterRetest: f.learningAfterRetest,
  });
  await buildSubjectYearResult(t.db, {
    cls,
    student,
    subjectCode: 'math',
    yearAverage: f.mathYear,
    retestScore: f.mathRetest,
  });
  await buildSubjectYearResult(t.db, {
    cls,
    student,
    subjectCode: 'physical-education',
    yearResult: f.peYear,
    retestResult: f.peRetest,
  });
}
