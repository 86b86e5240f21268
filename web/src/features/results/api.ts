import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '#contracts/jobs.ts';
import type {
  ClassResults,
  LevelCount,
  PrimaryGrid,
  PrimaryGridInput,
  PrimaryGridSaved,
  PrimarySummary,
  PrimarySupportList,
  PrimarySupportSaved,
  PromotionList,
  PromotionListQuery,
  SchoolSummary,
  StudentResult,
} from '#contracts/results.ts';
import type {
  RolloverInput,
  RolloverOutcome,
  RolloverPlanInput,
  RolloverPreview,
} from '#contracts/rollover.ts';
import { apiDownload, apiGet, apiPost, apiPut, qs } from '../../api/client.ts';

export type { Job };

import { useJob } from '../../api/useJob.ts';

export type Level4 = 'excellent' | 'good' | 'pass' | 'fail';
export type Promotion = 'promoted' | 'retest' | 'summer_conduct' | 'retained' | 'principal_decision';

export type { ClassResults, LevelCount, StudentResult };

export interface IncompleteStudent {
  studentId: string;
  fullName: string;
  className: string;
  missing: string[];
}

export function useClassResults(classId: string | null, term: number) {
  return useQuery({
    queryKey: ['results', 'class', classId, term],
    queryFn: () => apiGet<ClassResults>(`/results/classes/${classId}${qs({ term })}`),
    enabled: Boolean(classId),
  });
}

/** Follows a close or rollover job; when it has written, the results are refreshed. */
export const useResultsJob = (jobId: string | null) => useJob(jobId, { refreshes: ['results'] });

export function useQueueClose() {
  return useMutation({
    mutationFn: (input: {
      unitId: string;
      schoolYear: string;
      scope: 'term1' | 'term2' | 'year';
      classId?: string;
    }) => apiPost<{ jobId: string }>('/results/close', input),
  });
}

export function useQueueRollover() {
  return useMutation({
    mutationFn: (input: { unitId: string; fromYear: string; toYear: string }) =>
      apiPost<{ jobId: string }>('/results/rollover', input),
  });
}

export function useRecordSummer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      studentId: string;
      schoolYear: string;
      retests?: { subjectCode: string; score?: number; result?: 'pass' | 'fail' }[];
      summerConduct?: Level4;
    }) => {
      const { studentId, ...body } = input;
      return apiPut<{ finalPromotion: 'promoted' | 'retained' | null }>(
        `/results/students/${studentId}/summer`,
        body,
      );
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['results'] }),
  });
}

export type { PromotionList, PromotionListQuery };

/** Danh sách lên lớp toàn trường: counts per grade and the students needing action, with the page's filters. */
export function usePromotionList(query: PromotionListQuery | null) {
  return useQuery({
    queryKey: ['results', 'promotion-list', query],
    queryFn: () => apiGet<PromotionList>(`/results/promotion-list${qs({ ...query })}`),
    enabled: Boolean(query),
  });
}

export function downloadPromotionList(query: PromotionListQuery) {
  return apiDownload(`/results/promotion-list.xlsx${qs({ ...query })}`, 'danh-sach-len-lop.xlsx');
}

export type SchoolResultsSummary = SchoolSummary;

/** The school's results per grade (learning and conduct levels) in a term or the year. */
export const useSchoolResultsSummary = (unitId: string, schoolYear: string, term: number) =>
  useQuery({
    queryKey: ['results', 'summary', unitId, schoolYear, term],
    queryFn: () => apiGet<SchoolResultsSummary>(`/results/summary${qs({ unitId, schoolYear, term })}`),
  });

export type { PrimaryGrid, PrimarySummary };

/** A primary class's TT27 periodic evaluations at a checkpoint (mid/end of term). */
export const usePrimaryGrid = (classId: string, checkpoint: string) =>
  useQuery({
    queryKey: ['results', 'primary', classId, checkpoint],
    queryFn: () => apiGet<PrimaryGrid>(`/results/classes/${classId}/primary${qs({ checkpoint })}`),
  });

export const savePrimaryEvaluations = (classId: string, body: PrimaryGridInput) =>
  apiPut<PrimaryGridSaved>(`/results/classes/${classId}/primary`, body);

/** Records or withdraws "Học sinh Tiêu biểu" (TT27 Điều 13) for a pupil who completed well. */
export function useRecordRecognition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { studentId: string; schoolYear: string; recognition: string | null }) =>
      apiPut(`/results/students/${input.studentId}/primary-recognition`, {
        schoolYear: input.schoolYear,
        recognition: input.recognition,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['results'] }),
  });
}

export type { RolloverOutcome, RolloverPlanInput, RolloverPreview };

/** What the rollover into the next year would do now: students by name and the new classes with their plan. */
export const useRolloverPreview = (input: RolloverInput | null) =>
  useQuery({
    queryKey: ['results', 'rollover', input],
    queryFn: () => apiGet<RolloverPreview>(`/results/rollover/preview${qs({ ...input })}`),
    enabled: Boolean(input),
  });

/** Saves the homeroom teachers and rooms planned for the new classes; answers the refreshed preview. */
export function useSaveRolloverPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RolloverPlanInput) => apiPut<RolloverPreview>('/results/rollover/plan', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['results', 'rollover'] }),
  });
}

/** The class record book (sổ theo dõi và đánh giá học sinh, TT22 appendix): homeroom teacher and principal. */
export const downloadRecordBook = (classId: string, format: 'pdf' | 'xlsx', term: 0 | 1 = 0) =>
  apiDownload(
    `/classes/${classId}/record-book.${format}?term=${term}`,
    `so-theo-doi-danh-gia${term === 1 ? '-hk1' : ''}.${format}`,
  );

/** The school assesses a student against an individual education plan (TT22 Điều 11); the principal decides. */
export function useSetIndividualPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      studentId,
      ...body
    }: {
      studentId: string;
      schoolYear: string;
      enabled: boolean;
      note?: string;
    }) => apiPut<{ enabled: boolean }>(`/results/students/${studentId}/individual-plan`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['results'] }),
  });
}

/** The principal's decision with its reason (TT22 Điều 12 khoản 4). */
export function useRecordPrincipalDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      studentId,
      ...body
    }: {
      studentId: string;
      schoolYear: string;
      decision: 'promoted' | 'retained';
      reason: string;
    }) => apiPut<{ finalPromotion: string }>(`/results/students/${studentId}/principal-decision`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['results'] }),
  });
}

/** The pupils of a primary class on the TT27 Điều 11 path (support plan, further assessment, principal's decision). */
export function usePrimarySupport(classId: string) {
  return useQuery({
    queryKey: ['results', 'primary-support', classId],
    queryFn: () => apiGet<PrimarySupportList>(`/results/classes/${classId}/primary-support`),
    enabled: Boolean(classId),
  });
}

/** One step of the path for one pupil: 'plan', 'assessment' or 'decision'. */
export function useSavePrimarySupport(step: 'plan' | 'assessment' | 'decision') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, body }: { studentId: string; body: object }) =>
      apiPut<PrimarySupportSaved>(`/results/students/${studentId}/primary-support/${step}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  });
}
