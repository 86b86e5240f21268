import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  duplicateGroupSchema,
  ErasurePreview,
  guardianAccountSchema,
  myStudentSchema,
  StudentDetail,
  studentPageSchema,
} from '#contracts/students.ts';
import { apiDownload, apiGet, apiPatch, apiPost, qs } from '../../api/client.ts';
import { useListQuery } from '../../api/useListQuery.ts';

export type StudentPage = z.infer<typeof studentPageSchema>;
export type MyStudent = z.infer<typeof myStudentSchema>;
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;
export type GuardianAccount = z.infer<typeof guardianAccountSchema>;
export type { StudentDetail };

export interface StudentFilter {
  q?: string;
  classId?: string;
  grade?: number;
  status?: string;
  gender?: string;
  page: number;
  pageSize: number;
}

export const useStudentPage = (unitId: string, schoolYear: string | null, filter: StudentFilter) =>
  useListQuery<StudentPage>(
    ['students', unitId, schoolYear, filter],
    `/students${qs({ unitId, schoolYear, ...filter })}`,
    { enabled: Boolean(unitId) },
  );

export function useStudent(id: string | undefined) {
  return useQuery({
    queryKey: ['student', id],
    queryFn: () => apiGet<StudentDetail>(`/students/${id}`),
    enabled: Boolean(id),
  });
}

/** Every change to a student refreshes its record and the lists it appears in. */
function useStudentMutation<Input>(request: (input: Input) => Promise<StudentDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (student) => {
      client.setQueryData(['student', student.id], student);
      void client.invalidateQueries({ queryKey: ['students'] });
      void client.invalidateQueries({ queryKey: ['classes'] });
    },
  });
}

export const useCreateStudent = () =>
  useStudentMutation((input: Record<string, unknown>) => apiPost<StudentDetail>('/students', input));

export const useUpdateStudent = (id: string) =>
  useStudentMutation((input: Record<string, unknown>) => apiPatch<StudentDetail>(`/students/${id}`, input));

export const useChangeStatus = (id: string) =>
  useStudentMutation((input: { status: string; effectiveOn: string; reason?: string }) =>
    apiPost<StudentDetail>(`/students/${id}/status`, input),
  );

export const useEraseStudent = (id: string) =>
  useStudentMutation((input: { reason?: string; withdrawnOn?: string }) =>
    apiPost<StudentDetail>(`/students/${id}/erase`, input),
  );

/** What an erasure would do (erased, kept and why), read when the confirmation opens. */
export const useErasurePreview = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['student', id, 'erasure-preview'],
    queryFn: () => apiGet<ErasurePreview>(`/students/${id}/erasure-preview`),
    enabled,
  });

export function useCreateGuardianAccount(studentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { guardianId: string; username?: string }) =>
      apiPost<GuardianAccount>(`/guardians/${input.guardianId}/account`, { username: input.username }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['student', studentId] }),
  });
}

export function useMyStudents() {
  return useQuery({ queryKey: ['students', 'mine'], queryFn: () => apiGet<MyStudent[]>('/students/mine') });
}

export function useDuplicateNationalIds(unitId: string) {
  return useQuery({
    queryKey: ['students', 'duplicates', unitId],
    queryFn: () => apiGet<DuplicateGroup[]>(`/students/duplicate-national-ids${qs({ unitId })}`),
    enabled: Boolean(unitId),
  });
}

/** Everything the school holds about a student: one JSON file (machine-readable) or a readable PDF. */
export const downloadPersonalData = (studentId: string, format: 'json' | 'pdf') =>
  format === 'pdf'
    ? apiDownload(`/students/${studentId}/personal-data.pdf`, 'du-lieu-ca-nhan.pdf')
    : apiDownload(`/students/${studentId}/personal-data`, 'du-lieu-ca-nhan.json');
