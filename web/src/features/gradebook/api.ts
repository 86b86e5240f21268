import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ExemptionInput } from '#contracts/exemptions.ts';
import type {
  assignmentBoardSchema,
  attendanceSchema,
  conductSchema,
  gridSchema,
  LockState,
  myClassesSchema,
  overviewSchema,
  termsSchema,
} from '#contracts/gradebook.ts';
import { apiDelete, apiGet, apiPost, apiPut, qs } from '../../api/client.ts';

export type AssignmentBoard = z.infer<typeof assignmentBoardSchema>;
export type MyClasses = z.infer<typeof myClassesSchema>;
export type Grid = z.infer<typeof gridSchema>;
export type GridRow = Grid['rows'][number];
export type Terms = z.infer<typeof termsSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type Conduct = z.infer<typeof conductSchema>;
export type ClassOverview = z.infer<typeof overviewSchema>;
export type { LockState };

/** What an unlock reopens: one class × subject's scores, or the class's conduct and attendance. */
export type UnlockTarget = { classId: string; term: number } & (
  | { kind: 'subject'; subjectCode: string }
  | { kind: 'homeroom' }
);

/** Tổng hợp điểm: every subject of a class for one term (read only). */
export function useClassOverview(classId: string, term: 1 | 2) {
  return useQuery({
    queryKey: ['gradebook', 'overview', classId, term],
    queryFn: () => apiGet<ClassOverview>(`/gradebook/classes/${classId}/overview${qs({ term })}`),
  });
}

export function useAssignmentBoard(unitId: string, schoolYear: string | null) {
  return useQuery({
    queryKey: ['gradebook', 'assignments', unitId, schoolYear],
    queryFn: () => apiGet<AssignmentBoard>(`/gradebook/assignments${qs({ unitId, schoolYear })}`),
    enabled: Boolean(unitId),
  });
}

export function useSetAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      classId: string;
      subjectCode: string;
      teacherId: string | null;
      learningTopics?: boolean;
    }) => apiPut<{ removed: boolean }>('/gradebook/assignments', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['gradebook'] }),
  });
}

export function useMyClasses(unitId: string) {
  return useQuery({
    queryKey: ['gradebook', 'mine', unitId],
    queryFn: () => apiGet<MyClasses>(`/gradebook/my-classes${qs({ unitId })}`),
    enabled: Boolean(unitId),
  });
}

export const gridPath = (classId: string, subjectCode: string, term: number) =>
  `/gradebook/classes/${classId}/subjects/${subjectCode}/terms/${term}`;

export function useGrid(classId: string, subjectCode: string, term: number) {
  return useQuery({
    queryKey: ['gradebook', 'grid', classId, subjectCode, term],
    queryFn: () => apiGet<Grid>(gridPath(classId, subjectCode, term)),
  });
}

/** A row's cells as the grid loaded them: sent with each save so the server refuses to overwrite newer ones. */
export type GridBase = Pick<GridRow, 'regular' | 'midterm' | 'final' | 'makeup' | 'comment'>;

export interface GridSaveRow {
  studentId: string;
  regular: (string | null)[];
  midterm: string | null;
  final: string | null;
  makeup: string[];
  comment: string | null;
  base: GridBase | null;
}

/** The grid as stored now, fetched even if the cache is fresh (after a 409 conflict). */
export function useFetchFreshGrid(classId: string, subjectCode: string, term: number) {
  const client = useQueryClient();
  return () =>
    client.fetchQuery({
      queryKey: ['gradebook', 'grid', classId, subjectCode, term],
      queryFn: () => apiGet<Grid>(gridPath(classId, subjectCode, term)),
      staleTime: 0,
    });
}

export function useSaveGrid(classId: string, subjectCode: string, term: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rows: GridSaveRow[]) =>
      apiPut<{ changedCells: number; changedRows: number }>(gridPath(classId, subjectCode, term), { rows }),
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: ['gradebook', 'grid', classId, subjectCode, term] }),
  });
}

export function useTerms(unitId: string, schoolYear: string | null, enabled = true) {
  return useQuery({
    queryKey: ['gradebook', 'terms', unitId, schoolYear],
    queryFn: () => apiGet<Terms>(`/gradebook/terms${qs({ unitId, schoolYear })}`),
    enabled: enabled && Boolean(unitId),
  });
}

function useGradebookMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['gradebook'] }),
  });
}

export const useSetTerm = () =>
  useGradebookMutation(
    (input: {
      term: number;
      unitId: string;
      schoolYear: string;
      entryDeadline: string | null;
      locked: boolean;
    }) =>
      apiPut<Terms>(`/gradebook/terms/${input.term}`, {
        unitId: input.unitId,
        schoolYear: input.schoolYear,
        entryDeadline: input.entryDeadline,
        locked: input.locked,
      }),
  );

export const useUnlock = () =>
  useGradebookMutation((input: UnlockTarget & { reason: string }) =>
    apiPost<unknown>('/gradebook/unlocks', input),
  );

export const useRelock = () =>
  useGradebookMutation((id: string) => apiPost<void>(`/gradebook/unlocks/${id}/relock`));

export function useAttendance(classId: string, date: string) {
  return useQuery({
    queryKey: ['gradebook', 'attendance', classId, date],
    queryFn: () => apiGet<Attendance>(`/gradebook/classes/${classId}/attendance${qs({ date })}`),
  });
}

export function useSaveAttendance(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      date: string;
      session: 'morning' | 'afternoon';
      absences: { studentId: string; excused: boolean }[];
      /** The absences as loaded (see saveAttendanceBody). */
      base: { studentId: string; excused: boolean }[];
    }) => apiPut<Attendance>(`/gradebook/classes/${classId}/attendance`, input),
    onSuccess: (data) => client.setQueryData(['gradebook', 'attendance', classId, data.date], data),
  });
}

export function useConduct(classId: string) {
  return useQuery({
    queryKey: ['gradebook', 'conduct', classId],
    queryFn: () => apiGet<Conduct>(`/gradebook/classes/${classId}/conduct`),
  });
}

export function useSaveConduct(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      term: number;
      rows: {
        studentId: string;
        level: string | null;
        comment: string | null;
        base: { level: string; comment: string | null } | null;
      }[];
    }) => apiPut<Conduct>(`/gradebook/classes/${classId}/conduct`, input),
    onSuccess: (data) => client.setQueryData(['gradebook', 'conduct', classId], data),
  });
}

/** TT22 Điều 10: the principal's decision exempting a student from the practical part of GDTC / GDQP-AN. */
export function useRecordExemption() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, ...body }: ExemptionInput & { studentId: string }) =>
      apiPost<{ id: string }>(`/gradebook/students/${studentId}/exemptions`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['gradebook'] }),
  });
}

export function useStudentExemptions(studentId: string | null, schoolYear: string) {
  return useQuery({
    queryKey: ['gradebook', 'exemptions', studentId, schoolYear],
    enabled: studentId !== null,
    queryFn: () =>
      apiGet<{ exemptions: { id: string; subjectCode: string; period: string; decisionNumber: string }[] }>(
        `/gradebook/students/${studentId}/exemptions${qs({ schoolYear })}`,
      ),
  });
}

export function useWithdrawExemption() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, id }: { studentId: string; id: string }) =>
      apiDelete<null>(`/gradebook/students/${studentId}/exemptions/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['gradebook'] }),
  });
}
