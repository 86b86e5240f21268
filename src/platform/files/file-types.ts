import { AppError } from '../errors.ts';
import { checkZip } from './upload-limits.ts';
import { looksLikeZip } from './zip-inspect.ts';

/**
 * The type of an uploaded file, read from its first bytes (magic numbers), never from the client's Content-Type
 * or the file name: what we store and later serve (as an attachment, with nosniff) is what the bytes are.
 */
export interface SniffedType {
  mimeType: string;
  /** Vietnamese, for messages. */
  label: string;
}

const PDF: SniffedType = { mimeType: 'application/pdf', label: 'PDF' };
const PNG: SniffedType = { mimeType: 'image/png', label: 'ảnh PNG' };
const JPEG: SniffedType = { mimeType: 'image/jpeg', label: 'ảnh JPEG' };
const GIF: SniffedType = { mimeType: 'image/gif', label: 'ảnh GIF' };
const WEBP: SniffedType = { mimeType: 'image/webp', label: 'ảnh WebP' };
const TEXT: SniffedType = { mimeType: 'text/plain; charset=utf-8', label: 'văn bản' };

/** Office Open XML documents by the folder of their main part (ECMA-376 Part 2). */
const OFFICE: readonly (SniffedType & { folder: string })[] = [
  {
    folder: 'word/',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word .docx',
  },
  {
    folder: 'xl/',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel .xlsx',
  },
  {
    folder: 'ppt/',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint .pptx',
  },
];

export const ALLOWED_EVIDENCE_TYPES =
  'PDF, ảnh (PNG, JPEG, GIF, WebP), Word/Excel/PowerPoint (.docx, .xlsx, .pptx) hoặc văn bản (.txt)';

const startsWith = (content: Buffer, bytes: readonly number[], at = 0) =>
  content.length >= at + bytes.length && bytes.every((b, i) => content[at + i] === b);
const ascii = (content: Buffer, text: string, at = 0) =>
  content.toString('latin1', at, at + text.length) === text;

/** Valid UTF-8 without control characters other than tab, CR, LF, form feed (a BOM is allowed). */
function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is being refused
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The sniffed type, or undefined when the content is none of the allowed ones. */
export function sniffType(fileName: string, content: Buffer): SniffedType | undefined {
  if (ascii(content, '%PDF-')) return PDF;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(content, 'GIF87a') || ascii(content, 'GIF89a')) return GIF;
  if (ascii(content, 'RIFF') && ascii(content, 'WEBP', 8)) return WEBP;
  if (looksLikeZip(content)) {
    // An Office document is a zip: its directory is checked against the zip limits (a bomb is refused even though
    // the server never inflates evidence), and its parts say which application wrote it.
    const { entries } = checkZip(fileName, content, `tệp ${ALLOWED_EVIDENCE_TYPES}`);
    if (!entries.some((e) => e.name === '[Content_Types].xml')) return undefined;
    return OFFICE.find((type) => entries.some((e) => e.name.startsWith(type.folder)));
  }
  return isPlainText(content) ? TEXT : undefined;
}

/** The file's real type when it is on the allow-list, else a 415 naming the file and the allowed types. */
export function requireAllowedType(fileName: string, content: Buffer): SniffedType {
  const type = sniffType(fileName, content);
  if (type) return type;
  throw new AppError(
    'unsupported_file_type',
    `Tệp «${fileName}» không phải loại được nhận. Chỉ nhận ${ALLOWED_EVIDENCE_TYPES}.`,
    { file: fileName },
  );
}

/** The type to serve a stored file under: its sniffed type, or opaque bytes. */
export function servedType(fileName: string, content: Buffer): string {
  try {
    return sniffType(fileName, content)?.mimeType ?? 'application/octet-stream';
  } catch {
    return 'application/octet-stream';
  }
}
