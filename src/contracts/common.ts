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

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 2xx response of a download, as OpenAPI describes it: bytes of the given media type. It only documents the
 * reply: the route still sends the Buffer, which Fastify passes through without serialising it.
 */
export function binaryResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

export const pdfFileResponse = binaryResponse(PDF_MIME, 'Tệp PDF');
export const xlsxFileResponse = binaryResponse(XLSX_MIME, 'Tệp Excel (.xlsx)');
