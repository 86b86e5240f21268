import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '#contracts/jobs.ts';
import type {
  ClassResults,
  LevelCount,
  PromotionList,
  PromotionListQuery,
  StudentResult,
} from '#contracts/results.ts';
import { apiDownload, apiGet, apiPost, apiPut, qs } from '../../api/client.ts';

export type { Job };

export type Level4 = 'excellent' | 'good' | 'pass' | 'fail';
export type Promotion = 'promoted' | 'retest' | 'summer_conduct' | 'retained';

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

export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => apiGet<Job>(`/jobs/${jobId}`),
    enabled: Boolean(jobId),
    // Poll while the job is queued or running, so the progress bar moves.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 700;
    },
  });
}

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
