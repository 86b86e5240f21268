import { z } from 'zod';

export const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A page of a list: items plus the total, so the UI can show "1–50 / 612". */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const isoDate = z.iso.date('Ngày có dạng YYYY-MM-DD.');
export const noContent = z.null();
