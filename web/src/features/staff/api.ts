import { useQuery } from '@tanstack/react-query';
import type { Department } from '#contracts/departments.ts';
import type { Staff, StaffPage } from '#contracts/staff.ts';
import { apiDelete, apiGet, apiPatch, apiPost, qs } from '../../api/client.ts';
import { useListQuery } from '../../api/useListQuery.ts';

export interface StaffListParams {
  unitId: string;
  q?: string;
  departmentId?: string | null;
  position?: string | null;
  status?: string | null;
  duplicatesOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export const useStaffPage = (params: StaffListParams) =>
  useListQuery<StaffPage>(
    ['staff', params],
    `/staff${qs({ ...params, duplicatesOnly: params.duplicatesOnly || undefined })}`,
    { enabled: Boolean(params.unitId) },
  );

export function useStaffRecord(id: string | null) {
  return useQuery({
    queryKey: ['staff', 'record', id],
    queryFn: () => apiGet<Staff>(`/staff/${id}`),
    enabled: Boolean(id),
  });
}

export function useDepartments(unitId: string, enabled = true) {
  return useQuery({
    queryKey: ['departments', unitId],
    queryFn: () => apiGet<Department[]>(`/departments?unitId=${unitId}`),
    enabled: Boolean(unitId) && enabled,
  });
}

/** Adds a staff member to the unit, or saves an existing record. */
export const saveStaff = (unitId: string, staffId: string | null, values: object) =>
  staffId ? apiPatch<Staff>(`/staff/${staffId}`, values) : apiPost<Staff>('/staff', { unitId, ...values });

export const deleteStaff = (staffId: string) => apiDelete<void>(`/staff/${staffId}`);
