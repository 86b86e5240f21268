import { PDF_MIME } from '#contracts/common.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { storeFile } from '../../platform/files/store.ts';
import type { JobProgress, JobRunner } from '../../platform/jobs/runner.ts';
import { requireClassReader } from './class-access.ts';
import { classTranscriptPdf } from './service.ts';

/**
 * The whole class's transcripts as a job: a class of 40 takes about 2 s on a loaded two-core machine (measured),
 * so the web app runs it in the background with progress and downloads the stored file when it is done.
 */
export const CLASS_PDF_JOB = 'transcripts.class_pdf';

const purposeOf = (classId: string) => `transcripts_class_pdf:${classId}`;

export async function queueClassPdf(ctx: ServiceContext, runner: JobRunner, classId: string) {
  const { cls } = await requireClassReader(ctx, classId);
  const jobId = await runner.enqueue(ctx, { unitId: cls.unit_id, kind: CLASS_PDF_JOB, payload: { classId } });
  return { jobId };
}

/** The job: renders the class PDF as the user who asked and stores it for them to download. */
export async function runClassPdf(ctx: ServiceContext, payload: unknown, progress: JobProgress) {
  const { classId } = payload as { classId: string };
  const { cls } = await requireClassReader(ctx, classId);
  const file = await classTranscriptPdf(ctx, classId, (done, total) =>
    progress.report(done, total, `Đang tạo học bạ ${done}/${total}`),
  );
  const stored = await storeFile(ctx, {
    unitId: cls.unit_id,
    fileName: file.fileName,
    mimeType: PDF_MIME,
    content: file.content,
    purpose: purposeOf(classId),
  });
  return { fileId: stored.id, fileName: stored.fileName };
}

/** A class PDF made by the job; only readers of that class get it (the purpose names the class). */
export async function classPdfFile(ctx: ServiceContext, classId: string, fileId: string) {
  const { cls } = await requireClassReader(ctx, classId);
  const row = await ctx.db
    .selectFrom('stored_files')
    .select(['file_name', 'content'])
    .where('unit_id', '=', cls.unit_id)
    .where('id', '=', fileId)
    .where('purpose', '=', purposeOf(classId))
    .executeTakeFirst();
  if (!row) throw notFound('tệp học bạ');
  return { fileName: row.file_name, content: Buffer.from(row.content) };
}
