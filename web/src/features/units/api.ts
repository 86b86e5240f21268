import { useQuery } from '@tanstack/react-query';
import type { Unit } from '#contracts/units.ts';
import { apiGet, apiPatch, apiPost, qs } from '../../api/client.ts';

export interface UnitKind {
  code: string;
  nameVi: string;
  category: 'ministry' | 'office' | 'school';
}

/** The unit and every unit below it, closed ones too when `includeInactive`. */
export const useUnitsUnder = (unitId: string, includeInactive: boolean) =>
  useQuery({
    queryKey: ['units', 'tree', unitId, includeInactive],
    queryFn: () =>
      apiGet<Unit[]>(`/units${qs({ under: unitId, includeInactive: includeInactive || undefined })}`),
  });

export const useUnitKinds = () =>
  useQuery({ queryKey: ['unit-kinds'], queryFn: () => apiGet<UnitKind[]>('/unit-kinds') });

type UnitValues = Record<string, string | null | undefined>;

export const createUnit = (values: UnitValues) => apiPost<Unit>('/units', values);

export const updateUnit = (unitId: string, values: UnitValues) => apiPatch<Unit>(`/units/${unitId}`, values);

/** Moves a unit under another office, or merges it into another unit of its kind. */
export const relocateUnit = (unitId: string, mode: 'move' | 'merge', body: Record<string, unknown>) =>
  apiPost<Unit>(`/units/${unitId}/${mode}`, body);
