import { z } from 'zod';
import { isoDate } from '#contracts/common.ts';
import { schoolYearCode } from '#contracts/units.ts';

export const schoolYearSchema = z.object({
  code: z.string(),
  startsOn: z.string(),
  term1EndsOn: z.string(),
  term2StartsOn: z.string(),
  endsOn: z.string(),
  /** The unit whose calendar this is (the unit itself or the office above that set it). */
  definedByUnitId: z.uuid(),
  definedByUnitName: z.string(),
  isCurrent: z.boolean(),
});
export type SchoolYear = z.infer<typeof schoolYearSchema>;

export const schoolYearsResponse = z.object({
  current: z.string().nullable(),
  years: z.array(schoolYearSchema),
});

export const unitQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

export const upsertSchoolYearBody = z
  .object({
    unitId: z.uuid(),
    code: schoolYearCode,
    startsOn: isoDate,
    term1EndsOn: isoDate,
    term2StartsOn: isoDate,
    endsOn: isoDate,
  })
  .superRefine((v, issue) => {
    const order: [keyof typeof v, string][] = [
      ['startsOn', 'Ngày bắt đầu năm học'],
      ['term1EndsOn', 'Ngày kết thúc học kì I'],
      ['term2StartsOn', 'Ngày bắt đầu học kì II'],
      ['endsOn', 'Ngày kết thúc năm học'],
    ];
    for (let i = 1; i < order.length; i++) {
      const [prev, prevLabel] = order[i - 1] as [keyof typeof v, string];
      const [field, label] = order[i] as [keyof typeof v, string];
      if (String(v[field]) <= String(v[prev])) {
        issue.addIssue({
          code: 'custom',
          path: [field],
          message: `${label} phải sau ${prevLabel.toLowerCase()}.`,
        });
      }
    }
  });
export type UpsertSchoolYearInput = z.infer<typeof upsertSchoolYearBody>;

export const setCurrentBody = z.object({ code: schoolYearCode });
