import type { PassFail, SubjectResult } from './types.ts';

/**
 * Subjects the programme teaches as contents of one subject, assessed as that one subject.
 *
 * TT22 Điều 5 khoản 1 điểm a lists "Giáo dục thể chất, Nghệ thuật, Âm nhạc, Mĩ thuật, …" among the subjects assessed
 * by comment: at THCS (grades 6–9) the 2018 programme's subject is Nghệ thuật, with two contents, Âm nhạc and Mĩ
 * thuật; Âm nhạc and Mĩ thuật are subjects of their own only at THPT (electives). So at THCS Nghệ thuật is ONE subject
 * with ONE result (Đạt / Chưa đạt) — one row of the học bạ and one subject in the counts of Điều 9 khoản 2 ("có
 * nhiều nhất 01 môn học đánh giá bằng nhận xét được đánh giá mức Chưa đạt"): failing both contents is one subject
 * at Chưa đạt, not two.
 *
 * How one result comes from the two contents: the circular does not say; the Ministry's guidance for 2021–2022
 * (Công văn 3699/BGDĐT-GDTrH), as the Sở GDĐT TP.HCM applied it (Công văn 2822/SGDĐT-GDTrH, 20/10/2021), assesses
 * the two contents separately "tương tự như môn học đánh giá bằng nhận xét" and rates the assessment Đạt "khi cả 02
 * nội dung Âm nhạc, Mĩ thuật được đánh giá Đạt". We apply the same rule to the term and year results: Đạt when
 * every content is Đạt, Chưa đạt when any content is.
 */
export const COMBINED_SUBJECTS = [
  {
    code: 'arts',
    name: 'Nghệ thuật',
    printedName: 'Nghệ thuật (Âm nhạc, Mĩ thuật)',
    contents: ['arts-music', 'arts-fine-arts'],
    grades: [6, 7, 8, 9],
  },
] as const;

export type CombinedSubject = (typeof COMBINED_SUBJECTS)[number];

/** The combined subject a subject is a content of in this grade, if any (Âm nhạc in grade 7 → Nghệ thuật). */
export function combinedSubjectOf(subjectCode: string, grade: number): CombinedSubject | undefined {
  return COMBINED_SUBJECTS.find(
    (c) =>
      (c.grades as readonly number[]).includes(grade) &&
      (c.contents as readonly string[]).includes(subjectCode),
  );
}

/**
 * The one result of a subject from its contents' results: Chưa đạt when any content is Chưa đạt, Đạt when every
 * content is Đạt, null while a content has no result yet.
 */
export function combinedContentResult(results: readonly (PassFail | null | undefined)[]): PassFail | null {
  if (results.some((r) => r === 'fail')) return 'fail';
  if (results.length === 0 || results.some((r) => r !== 'pass')) return null;
  return 'pass';
}

/**
 * The subject results the learning result counts (Điều 9 khoản 2, 3): the contents of a combined subject replaced
 * by that subject's one result, at the place of its first content; every other subject unchanged. A content that
 * is scored, or a combined subject with a content missing from the list, is left as it is (nothing is invented).
 */
export function withCombinedSubjects(subjects: readonly SubjectResult[], grade: number): SubjectResult[] {
  const out: SubjectResult[] = [];
  const done = new Set<string>();
  for (const subject of subjects) {
    const combined = combinedSubjectOf(subject.subject, grade);
    if (!combined) {
      out.push(subject);
      continue;
    }
    const contents = combined.contents.map((code) => subjects.find((s) => s.subject === code));
    const results = contents.map((c) => (c?.kind === 'comment' ? c.result : undefined));
    const result = combinedContentResult(results);
    if (result === null) {
      out.push(subject);
      continue;
    }
    if (done.has(combined.code)) continue;
    done.add(combined.code);
    out.push({ subject: combined.code, kind: 'comment', result });
  }
  return out;
}

/** One column of a summary table: a subject, or a combined subject standing for its contents. */
export interface SubjectGroup<T> {
  code: string;
  /** The combined subject's name ("Nghệ thuật"); undefined for a subject of its own. */
  combinedName?: string;
  members: T[];
}

/**
 * The columns a summary prints (the record book's "Tổng hợp", like the học bạ's rows): the contents of a combined
 * subject in this grade (Âm nhạc, Mĩ thuật in grades 6–9) grouped under that subject at the place of the first
 * content; every other subject a group of its own. The pages per subject keep the contents apart, since each
 * content has its own ĐĐGtx (CV 3699/BGDĐT-GDTrH as above: "đánh giá riêng từng nội dung").
 */
export function subjectGroups<T extends { code: string }>(
  subjects: readonly T[],
  grade: number,
): SubjectGroup<T>[] {
  const groups: SubjectGroup<T>[] = [];
  for (const subject of subjects) {
    const combined = combinedSubjectOf(subject.code, grade);
    const existing = combined && groups.find((g) => g.code === combined.code);
    if (existing) existing.members.push(subject);
    else if (combined) groups.push({ code: combined.code, combinedName: combined.name, members: [subject] });
    else groups.push({ code: subject.code, members: [subject] });
  }
  return groups;
}
