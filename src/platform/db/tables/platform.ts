import type { CreatedAt, Id } from './columns.ts';

export interface NotificationTable {
  id: Id;
  unit_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface StoredFileTable {
  id: Id;
  unit_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  purpose: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlatformTables {
  notifications: NotificationTable;
  stored_files: StoredFileTable;
}
