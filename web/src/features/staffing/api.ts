import { useQuery } from '@tanstack/react-query';
import type { StaffingTable } from '#contracts/staffing.ts';
import { apiGet, apiPut, qs } from '../../api/client.ts';

export const staffingKey = (unitId: string, schoolYear: string | null) => ['staffing', unitId, schoolYear];

/** The staffing table (quota, current, surplus, shortage per group) of a unit in a school year. */
export const useStaffingTable = (unitId: string, schoolYear: string | null) =>
  useQuery({
    queryKey: staffingKey(unitId, schoolYear),
    queryFn: () => apiGet<StaffingTable>(`/staffing${qs({ unitId, schoolYear })}`),
    enabled: Boolean(unitId && schoolYear),
  });

export const saveQuotas = (
  unitId: string,
  schoolYear: string | null,
  quotas: Record<string, number | null>,
) =>
  apiPut<StaffingTable>('/staffing/quotas', {
    unitId,
    schoolYear,
    quotas: Object.entries(quotas).map(([group, quota]) => ({ group, quota })),
  });
