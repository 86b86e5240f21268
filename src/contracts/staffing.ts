import { z } from 'zod';
import { schoolYearCode } from '#contracts/units.ts';

/** Staffing groups: 'leadership', 'specialist' (offices), 'teacher:<subject code | general>', 'support:<staff role>'. */
export const staffingGroup = z
  .string()
  .regex(/^(leadership|specialist|teacher:[a-z0-9-]+|support:[a-z_]+)$/, 'Nhóm biên chế không hợp lệ.');

export const STAFFING_SECTIONS = ['leadership', 'teachers', 'support', 'specialists'] as const;
export type StaffingSection = (typeof STAFFING_SECTIONS)[number];

export const STAFFING_SECTION_LABEL_VI: Record<StaffingSection, string> = {
  leadership: 'Cán bộ quản lý',
  teachers: 'Giáo viên',
  support: 'Nhân viên',
  specialists: 'Chuyên viên',
};

export const staffingQuery = z.object({ unitId: z.uuid('Chọn đơn vị.'), schoolYear: schoolYearCode });

/** Active staff of a row by qualification (trình độ đào tạo); `unknown` when none is recorded. */
export const qualificationCounts = z.object({
  below_intermediate: z.number().int(),
  intermediate: z.number().int(),
  college: z.number().int(),
  bachelor: z.number().int(),
  master: z.number().int(),
  doctorate: z.number().int(),
  unknown: z.number().int(),
});
export type QualificationCounts = z.infer<typeof qualificationCounts>;

const counts = {
  /** Biên chế được giao; null when the school has not recorded one for this group. */
  quota: z.number().int().nullable(),
  /** Hiện có: active staff (official, contract, probation). */
  current: z.number().int(),
  official: z.number().int(),
  contract: z.number().int(),
  probation: z.number().int(),
  /** Thừa / thiếu against the quota; null without a quota. */
  surplus: z.number().int().nullable(),
  shortage: z.number().int().nullable(),
  qualifications: qualificationCounts,
};

export const staffingRowSchema = z.object({
  group: z.string(),
  section: z.enum(STAFFING_SECTIONS),
  label: z.string(),
  ...counts,
});
export type StaffingRow = z.infer<typeof staffingRowSchema>;

export const staffingTotalSchema = z.object({ label: z.string(), ...counts });

export const staffingTableSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  schoolYear: z.string(),
  rows: z.array(staffingRowSchema),
  sections: z.array(staffingTotalSchema.extend({ section: z.enum(STAFFING_SECTIONS) })),
  total: staffingTotalSchema,
});
export type StaffingTable = z.infer<typeof staffingTableSchema>;

export const setQuotasBody = z.object({
  unitId: z.uuid('Chọn đơn vị.'),
  schoolYear: schoolYearCode,
  /** A null quota removes the group's quota. */
  quotas: z
    .array(
      z.object({
        group: staffingGroup,
        quota: z
          .number('Nhập số biên chế.')
          .int('Biên chế là số nguyên.')
          .min(0, 'Biên chế không âm.')
          .max(10000)
          .nullable(),
      }),
    )
    .max(200),
});
export type SetQuotasInput = z.infer<typeof setQuotasBody>;
