import { z } from 'zod';

export const subjectsQuery = z.object({
  grade: z.coerce
    .number('Chọn khối lớp.')
    .int()
    .min(1, 'Khối lớp từ 1 đến 12.')
    .max(12, 'Khối lớp từ 1 đến 12.'),
});

export const gradeSubjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  grade: z.number().int(),
  level: z.enum(['primary', 'lower_secondary', 'upper_secondary']),
  /** compulsory / elective (upper secondary, choose 4 of 9) / optional. */
  status: z.enum(['compulsory', 'elective', 'optional']),
  periodsPerYear: z.number().int(),
  /** TT 22/2021 for grades 6–12: a 10-point score, or comments only (Đạt / Chưa đạt); null in primary. */
  assessment: z.enum(['score', 'comment']).nullable(),
  /** TT 27/2020 periodic tests for grades 1–5; null in secondary. */
  periodicTests: z.object({ endOfTerm: z.boolean(), midTerm: z.boolean() }).nullable(),
  /** False when a value was not checked against the official table. */
  confirmed: z.boolean(),
});
export type GradeSubjectView = z.infer<typeof gradeSubjectSchema>;
