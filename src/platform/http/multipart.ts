import type { FastifyRequest } from 'fastify';
import { cleanInput, textProblem, textProblemMessage } from '#contracts/common.ts';
import { AppError, type FieldErrors } from '../errors.ts';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  /** Other form fields sent with the file. */
  fields: Record<string, string>;
}

/**
 * Reads the single file of a multipart request (imports, evidence). The file name and the other fields follow the
 * text rule of every request (contracts/common.ts): NFC, no control characters; a file name is one line.
 */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('validation_failed', 'Hãy chọn một tệp để tải lên.', { file: 'Chưa chọn tệp.' });
  }
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file)
        throw new AppError('validation_failed', 'Chỉ tải lên một tệp mỗi lần.', {
          file: 'Nhiều hơn một tệp.',
        });
      file = { fileName: part.filename, mimeType: part.mimetype, content: await part.toBuffer(), fields };
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
