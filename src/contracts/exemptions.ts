import { z } from 'zod';
import { isoDate, line, multiline } from '#contracts/common.ts';
import {
  EXEMPTION_GROUNDS,
  EXEMPTION_PERIODS,
  PRACTICAL_EXEMPTION_SUBJECTS,
} from '../domain/grading/exemptions.ts';

// Exemptions from the practical part of GDTC / GDQP-AN (TT22 Điều 10), recorded by the principal with the decision.

const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.');

export const EXEMPTION_GROUND_LABEL_VI = {
  chronic_illness: 'Mắc bệnh mãn tính',
  disability: 'Khuyết tật',
  accident: 'Bị tai nạn',
  illness_under_treatment: 'Bị bệnh phải điều trị',
} as const satisfies Record<(typeof EXEMPTION_GROUNDS)[number], string>;

export const EXEMPTION_PERIOD_LABEL_VI = {
  term1: 'Học kì I',
  term2: 'Học kì II',
  year: 'Cả năm học',
} as const satisfies Record<(typeof EXEMPTION_PERIODS)[number], string>;

export const exemptionBody = z.object({
  schoolYear,
  subjectCode: z.enum(PRACTICAL_EXEMPTION_SUBJECTS),
  period: z.enum(EXEMPTION_PERIODS),
  ground: z.enum(EXEMPTION_GROUNDS),
  /** Khoản 2: the hospital's medical record or injury certificate is in the student's file. */
  medicalEvidence: z.boolean(),
  decisionNumber: line('Số quyết định').min(1, 'Nhập số quyết định.').max(100),
  decisionDate: isoDate,
  note: multiline('Ghi chú').max(1000).optional(),
});
export type ExemptionInput = z.infer<typeof exemptionBody>;

export const exemptionSchema = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  schoolYear: z.string(),
  subjectCode: z.enum(PRACTICAL_EXEMPTION_SUBJECTS),
  period: z.enum(EXEMPTION_PERIODS),
  ground: z.enum(EXEMPTION_GROUNDS),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  note: z.string().nullable(),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const exemptionListSchema = z.object({ exemptions: z.array(exemptionSchema) });

export const exemptionListQuery = z.object({ schoolYear });

export const exemptionParams = z.object({ studentId: z.uuid(), exemptionId: z.uuid() });
