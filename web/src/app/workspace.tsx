import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { Permission } from '#contracts/roles.ts';
import type { schoolYearsResponse } from '#contracts/school-years.ts';
import type { Unit, unitDetailSchema } from '#contracts/units.ts';
import { apiGet } from '../api/client.ts';
import type { Me } from '../auth/session.ts';

export type UnitDetail = z.infer<typeof unitDetailSchema>;
type SchoolYears = z.infer<typeof schoolYearsResponse>;

/** What the user is working on: one unit (school or office) and one school year, chosen in the header. */
export interface Workspace {
  me: Me;
  units: Unit[];
  unitId: string;
  unit: UnitDetail | undefined;
  setUnitId(id: string): void;
  schoolYear: string | null;
  setSchoolYear(code: string): void;
  years: SchoolYears['years'];
  can(permission: Permission): boolean;
  isSchool: boolean;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const STORAGE_KEY = 'truongso.workspace';

function loadSaved(): { unitId?: string; schoolYear?: string } {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
}

export function WorkspaceProvider({ me, children }: { me: Me; children: ReactNode }) {
  const saved = useMemo(loadSaved, []);
  const unitsQuery = useQuery({ queryKey: ['units'], queryFn: () => apiGet<Unit[]>('/units') });
  const defaultUnit = me.assignments[0]?.unitId ?? '';
  const [unitId, setUnitId] = useState<string>(saved.unitId ?? defaultUnit);
  const [chosenYear, setChosenYear] = useState<string | null>(saved.schoolYear ?? null);

  // A saved unit the user can no longer see (roles changed) falls back to their first assignment.
  useEffect(() => {
    if (unitsQuery.data && !unitsQuery.data.some((u) => u.id === unitId)) setUnitId(defaultUnit);
  }, [unitsQuery.data, unitId, defaultUnit]);

  const unitQuery = useQuery({
    queryKey: ['units', unitId],
    queryFn: () => apiGet<UnitDetail>(`/units/${unitId}`),
    enabled: Boolean(unitId),
  });
  const yearsQuery = useQuery({
    queryKey: ['school-years', unitId],
    queryFn: () => apiGet<SchoolYears>(`/school-years?unitId=${unitId}`),
    enabled: Boolean(unitId),
  });
  const years = yearsQuery.data?.years ?? [];
  const schoolYear =
    chosenYear && years.some((y) => y.code === chosenYear)
      ? chosenYear
      : (yearsQuery.data?.current ?? years[0]?.code ?? null);

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ unitId, schoolYear: chosenYear }));
  }, [unitId, chosenYear]);

  const value: Workspace = {
    me,
    units: unitsQuery.data ?? [],
    unitId,
    unit: unitQuery.data,
    setUnitId: (id) => {
      setUnitId(id);
      setChosenYear(null);
    },
    schoolYear,
    setSchoolYear: setChosenYear,
    years,
    can: (permission) => unitQuery.data?.permissions.includes(permission) ?? false,
    isSchool: unitQuery.data?.category === 'school',
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
