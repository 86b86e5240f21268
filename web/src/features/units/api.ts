import { useQuery } from '@tanstack/react-query';
import type { ReorganisationEvent, ReorganisationPreview, Unit } from '#contracts/units.ts';
import { apiDownload, apiGet, apiPatch, apiPost, qs } from '../../api/client.ts';

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

/** Moves a unit under another office, or merges it into another unit of its kind (after its preview). */
export const relocateUnit = (unitId: string, mode: 'move' | 'merge', body: Record<string, unknown>) =>
  apiPost<Unit>(`/units/${unitId}/${mode}`, body);

/** Who and what a merger or move would carry across, what stays and what blocks it. */
export const useRelocationPreview = (unitId: string, mode: 'move' | 'merge', targetId: string | null) =>
  useQuery({
    queryKey: ['units', 'relocation-preview', unitId, mode, targetId],
    enabled: targetId !== null,
    queryFn: () =>
      apiGet<ReorganisationPreview>(
        mode === 'move'
          ? `/units/${unitId}/move-preview${qs({ parentId: targetId })}`
          : `/units/${unitId}/merge-preview${qs({ intoUnitId: targetId })}`,
      ),
  });

/** The mergers and moves the unit took part in, from either side. */
export const useUnitReorganisations = (unitId: string) =>
  useQuery({
    queryKey: ['units', 'reorganisations', unitId],
    queryFn: () => apiGet<ReorganisationEvent[]>(`/units/${unitId}/reorganisations`),
  });

/** Every name a merger's preview counts (the page lists the first 300 of each group), as a workbook. */
export const downloadMergeLists = (unitId: string, intoUnitId: string) =>
  apiDownload(`/units/${unitId}/merge-preview.xlsx${qs({ intoUnitId })}`, 'danh-sach-sap-nhap.xlsx');
