import { col, nullable, type TablesType } from './columns.ts';

export const platformTables = {
  notifications: {
    id: col.id(),
    unit_id: col.text(),
    user_id: col.text(),
    kind: col.text(),
    title: col.text(),
    body: nullable(col.text()),
    link: nullable(col.text()),
    created_at: col.createdAt(),
    read_at: nullable(col.timestamp()),
  },
  stored_files: {
    id: col.id(),
    unit_id: col.text(),
    file_name: col.text(),
    mime_type: col.text(),
    size_bytes: col.number(),
    sha256: col.text(),
    content: col.bytes(),
    purpose: col.text(),
    created_by: nullable(col.text()),
    created_at: col.createdAt(),
    /** The import job that claimed this previewed file (migration 0070): a file is committed at most once. */
    committed_job_id: nullable(col.text()),
  },
} as const;

export type PlatformTables = TablesType<typeof platformTables>;
