import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface FileToStore {
  unitId: string;
  fileName: string;
  mimeType: string;
  content: Buffer;
  purpose: string;
}

export interface StoredFileInfo {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** Stores a file in the database (inside the caller's transaction). Access checks belong to the caller. */
export async function storeFile(ctx: ServiceContext, file: FileToStore): Promise<StoredFileInfo> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const row = await ctx.db
    .insertInto('stored_files')
    .values({
      unit_id: file.unitId,
      file_name: file.fileName.normalize('NFC'),
      mime_type: file.mimeType,
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      purpose: file.purpose,
      created_by: ctx.actor.userId || null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.content.length,
    sha256,
  };
}

/** Reads a stored file of a unit; the caller has already checked the actor may see that unit's files. */
export async function readStoredFile(ctx: ServiceContext, unitId: string, id: string) {
  const row = await ctx.db
    .selectFrom('stored_files')
    .select(['id', 'file_name', 'mime_type', 'size_bytes', 'content'])
    .where('id', '=', id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw notFound('tệp');
  return { id: row.id, fileName: row.file_name, mimeType: row.mime_type, content: Buffer.from(row.content) };
}
