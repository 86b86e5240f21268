import { useQuery } from '@tanstack/react-query';
import type { FamilyHome, OfficeHome, SchoolHome, TeacherHome } from '#contracts/home.ts';
import { apiGet, qs } from '../../api/client.ts';

export type { FamilyHome, OfficeHome, SchoolHome, TeacherHome };

const scoped = (kind: string, unitId: string, schoolYear: string | null) => ({
  queryKey: ['home', kind, unitId, schoolYear],
  queryFn: <T>() => apiGet<T>(`/home/${kind}${qs({ unitId, schoolYear })}`),
});

export function useSchoolHome(unitId: string, schoolYear: string | null, enabled: boolean) {
  const q = scoped('school', unitId, schoolYear);
  return useQuery({ queryKey: q.queryKey, queryFn: () => q.queryFn<SchoolHome>(), enabled });
}

export function useTeacherHome(unitId: string, schoolYear: string | null, enabled: boolean) {
  const q = scoped('teacher', unitId, schoolYear);
  return useQuery({ queryKey: q.queryKey, queryFn: () => q.queryFn<TeacherHome>(), enabled });
}

export function useOfficeHome(unitId: string, schoolYear: string | null, enabled: boolean) {
  const q = scoped('office', unitId, schoolYear);
  return useQuery({ queryKey: q.queryKey, queryFn: () => q.queryFn<OfficeHome>(), enabled });
}

export function useFamilyHome(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'family'],
    queryFn: () => apiGet<FamilyHome>('/home/family'),
    enabled,
  });
}
