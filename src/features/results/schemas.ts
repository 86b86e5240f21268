import { z } from 'zod';

const level4 = z.enum(['excellent', 'good', 'pass', 'fail']);

export const summerBody = z.object({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  retests: z
    .array(
      z.object({
        subjectCode: z.string().min(1),
        score: z.number().min(0, 'Điểm từ 0 đến 10.').max(10, 'Điểm từ 0 đến 10.').optional(),
        result: z.enum(['pass', 'fail']).optional(),
      }),
    )
    .optional(),
  summerConduct: level4.optional(),
});
export type SummerInput = z.infer<typeof summerBody>;

export const termQuery = z.object({ term: z.coerce.number().int().min(0).max(2).default(0) });

export const summaryQuery = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  term: z.coerce.number().int().min(0).max(2).default(0),
});

export const jobQueued = z.object({ jobId: z.uuid() });
