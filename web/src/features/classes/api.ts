import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  classDetailSchema,
  classListSchema,
  homeroomCandidateSchema,
  SchoolClass,
} from '#contracts/classes.ts';
import type { gradeSubjectSchema } from '#contracts/subjects.ts';
import { apiDelete, apiGet, apiPatch, apiPost, qs } from '../../api/client.ts';

export type ClassList = z.infer<typeof classListSchema>;
export type ClassDetail = z.infer<typeof classDetailSchema>;
export type HomeroomCandidate = z.infer<typeof homeroomCandidateSchema>;
export type GradeSubject = z.infer<typeof gradeSubjectSchema>;
export type { SchoolClass };

export function useClasses(unitId: string, schoolYear: string | null, enabled = true) {
  return useQuery({
    queryKey: ['classes', unitId, schoolYear],
    queryFn: () => apiGet<ClassList>(`/classes${qs({ unitId, schoolYear })}`),
    enabled: enabled && Boolean(unitId),
  });
}

export function useClass(id: string | undefined) {
  return useQuery({
    queryKey: ['classes', 'detail', id],
    queryFn: () => apiGet<ClassDetail>(`/classes/${id}`),
    enabled: Boolean(id),
  });
}

export function useHomeroomCandidates(unitId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['classes', 'homeroom-candidates', unitId],
    queryFn: () => apiGet<HomeroomCandidate[]>(`/classes/homeroom-candidates${qs({ unitId })}`),
    enabled: enabled && Boolean(unitId),
  });
}

export function useSubjects(grade: number | undefined) {
  return useQuery({
    queryKey: ['subjects', grade],
    queryFn: () => apiGet<GradeSubject[]>(`/subjects${qs({ grade })}`),
    enabled: grade !== undefined && grade >= 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Changes to a class or its students refresh the class lists and the student lists. */
function useClassMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['classes'] });
      void client.invalidateQueries({ queryKey: ['students'] });
    },
  });
}

export const useSaveClass = (id: string | undefined) =>
  useClassMutation((input: Record<string, unknown>) =>
    id ? apiPatch<SchoolClass>(`/classes/${id}`, input) : apiPost<SchoolClass>('/classes', input),
  );

export const useDeleteClass = () => useClassMutation((id: string) => apiDelete<void>(`/classes/${id}`));

export const useEnrolStudents = (classId: string) =>
  useClassMutation((studentIds: string[]) =>
    apiPost<ClassDetail>(`/classes/${classId}/students`, { studentIds }),
  );

export const useMoveStudent = (classId: string) =>
  useClassMutation((input: { studentId: string; toClassId: string; movedOn?: string }) =>
    apiPost<ClassDetail>(`/classes/${classId}/students/${input.studentId}/move`, {
      toClassId: input.toClassId,
      movedOn: input.movedOn,
    }),
  );

export const useRemoveStudent = (classId: string) =>
  useClassMutation((studentId: string) =>
    apiDelete<ClassDetail>(`/classes/${classId}/students/${studentId}`),
  );
