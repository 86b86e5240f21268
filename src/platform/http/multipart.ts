import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { cleanInput, textProblem, textProblemMessage } from '#contracts/common.ts';
import { AppError, type FieldErrors } from '../errors.ts';
import { megabytes, tooLarge } from '../files/upload-limits.ts';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  /** Other form fields sent with the file. */
  fields: Record<string, string>;
}

const fileTooLarge = (fileName: string, maxBytes: number) =>
  tooLarge(
    `Tệp quá lớn: «${fileName}» vượt quá ${megabytes(maxBytes)}, mức tối đa cho loại tệp này.`,
    fileName,
    {
      limit: maxBytes,
    },
  );

/** The file's bytes, refused as soon as they pass `maxBytes` (the parser stops buffering there too). */
async function readLimited(part: MultipartFile, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.file) {
      size += chunk.length;
      if (size > maxBytes) throw fileTooLarge(part.filename, maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw fileTooLarge(part.filename, maxBytes);
    throw error;
  }
  if (part.file.truncated) throw fileTooLarge(part.filename, maxBytes);
  return Buffer.concat(chunks);
}

/**
 * Reads the single file of a multipart request (imports, catalogues, evidence), at most `maxBytes` of it. The
 * client's Content-Type is kept as sent but not trusted: callers sniff the content (platform/files/file-types.ts)
 * or parse it through a guarded reader. The file name and the other fields follow the text rule of every request
 * (contracts/common.ts): NFC, no control characters; a file name is one line.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  options: { maxBytes: number },
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('validation_failed', 'Hãy chọn một tệp để tải lên.', { file: 'Chưa chọn tệp.' });
  }
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts({ limits: { fileSize: options.maxBytes } })) {
    if (part.type === 'file') {
      if (file)
        throw new AppError('validation_failed', 'Chỉ tải lên một tệp mỗi lần.', {
          file: 'Nhiều hơn một tệp.',
        });
      file = {
        fileName: part.filename,
        mimeType: part.mimetype,
        content: await readLimited(part, options.maxBytes),
        fields,
      };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file || file.content.length === 0) {
    throw new AppError('validation_failed', 'Tệp tải lên trống.', { file: 'Tệp trống.' });
  }
  return checkedText(file);
}

function checkedText(file: UploadedFile): UploadedFile {
  const errors: FieldErrors = {};
  const nameProblem = textProblem(file.fileName);
  if (nameProblem) errors.file = textProblemMessage(nameProblem, 'Tên tệp');
  const cleaned = cleanInput(file.fields);
  for (const issue of cleaned.issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  const [first] = Object.values(errors);
  if (first) throw new AppError('validation_failed', first, errors);
  return {
    ...file,
    fileName: file.fileName.normalize('NFC'),
    fields: cleaned.value as Record<string, string>,
  };
}
