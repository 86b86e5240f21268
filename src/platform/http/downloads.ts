import type { FastifyReply } from 'fastify';

/** A generated or stored file, named the way the user will see it (Vietnamese, with diacritics). */
export interface DownloadFile {
  fileName: string;
  content: Buffer;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients — diacritics folded
 * ("Học bạ" → "Hoc_ba"), everything but letters, digits, `.`, `-` and `_` replaced by `_`, so no quote, backslash,
 * CR or LF can end the parameter or the header — then the real name as `filename*` (RFC 8187, UTF-8,
 * percent-encoded), which every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(fileName.normalize('NFC'))}`;
}

// encodeURIComponent leaves ' ( ) * as they are; RFC 8187's attr-char does not allow them.
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Marks the reply as a download of `fileName`: Content-Disposition, and nosniff so that a browser never renders
 * an uploaded file (evidence) as HTML. For a body the route serialises itself (JSON by its response schema);
 * `sendFile` sends a file's bytes.
 */
export function asDownload(reply: FastifyReply, fileName: string): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff');
}

/** Sends a file (.xlsx, .pdf, an uploaded evidence file) as a download under its Vietnamese name. */
export function sendFile(reply: FastifyReply, file: DownloadFile, mimeType: string): FastifyReply {
  return asDownload(reply, file.fileName).header('content-type', mimeType).send(file.content);
}
