import type { AuditEntry, DataAccessEntry } from '#contracts/audit.ts';
import { qs } from '../../api/client.ts';
import { useListQuery } from '../../api/useListQuery.ts';

export interface LogPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LogParams {
  unitId: string;
  actor: string;
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
  /** Changes are filtered by entity, data access by the kind of person read. */
  entity?: string | null;
  /** An area of work (scores, attendance, conduct…), the entities of AUDIT_AREA_ENTITIES. */
  area?: string | null;
  subjectKind?: string | null;
}

/** One page of the change log (`changes`) or of the personal-data access log (`access`). */
export const useAuditLog = (kind: 'changes' | 'access', params: LogParams) =>
  useListQuery<LogPage<AuditEntry | DataAccessEntry>>(
    ['audit', kind, params],
    `/audit${kind === 'changes' ? '' : '/data-access'}${qs({ ...params })}`,
  );
