import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClassTranscripts, CorrectionPreview, StudentTranscripts } from '#contracts/transcripts.ts';
import { apiDownload, apiGet, apiPost, qs } from '../../api/client.ts';
import { waitForJob } from '../../api/useJob.ts';

export type { ClassTranscripts, CorrectionPreview, StudentTranscripts };

/** A student's transcripts: the approved ones for the family, every version for staff. */
export function useStudentTranscripts(studentId: string | null) {
  return useQuery({
    queryKey: ['transcripts', 'student', studentId],
    queryFn: () => apiGet<StudentTranscripts>(`/students/${studentId}/transcripts`),
    enabled: Boolean(studentId),
  });
}

/** One version of a transcript as a PDF. */
export const downloadTranscriptVersion = (transcriptId: string, version: number) =>
  apiDownload(`/transcripts/${transcriptId}/pdf`, `hoc-ba-phien-ban-${version}.pdf`);

export function useClassTranscripts(classId: string | undefined) {
  return useQuery({
    queryKey: ['transcripts', classId],
    queryFn: () => apiGet<ClassTranscripts>(`/classes/${classId}/transcripts`),
    enabled: Boolean(classId),
  });
}

function useTranscriptMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['transcripts'] }),
  });
}

export const useSignClass = (classId: string) =>
  useTranscriptMutation(() =>
    apiPost<{ signed: number; alreadyApproved: number }>(`/classes/${classId}/transcripts/sign`),
  );

export const useApproveClass = (classId: string) =>
  useTranscriptMutation(() => apiPost<{ approved: number }>(`/classes/${classId}/transcripts/approve`));

/** What a correction would change: the corrected scores and every derived value before and after. */
export function useCorrectionPreview(transcriptId: string | null) {
  return useQuery({
    queryKey: ['transcripts', 'correction-preview', transcriptId],
    queryFn: () => apiGet<CorrectionPreview>(`/transcripts/${transcriptId}/correction-preview`),
    enabled: Boolean(transcriptId),
    staleTime: 0,
  });
}

export const useCorrectTranscript = () =>
  useTranscriptMutation((input: { id: string; reason: string }) =>
    apiPost<{ id: string; version: number }>(`/transcripts/${input.id}/corrections`, {
      reason: input.reason,
    }),
  );

/** The class PDF runs as a job on the server: queue it, follow its progress, download the file when done. */
export function useClassPdfJob(classId: string) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const { jobId } = await apiPost<{ jobId: string }>(`/classes/${classId}/transcripts.pdf/jobs`);
      const job = await waitForJob(jobId, setProgress, 'Không tạo được tệp học bạ.');
      const { fileId } = job.result as { fileId: string };
      await apiDownload(`/classes/${classId}/transcript-files/${fileId}`, 'hoc-ba.pdf');
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** The class's gradebook as an .xlsx file. */
export const downloadClassGradebook = (classId: string) =>
  apiDownload(`/classes/${classId}/gradebook.xlsx`, 'so-diem.xlsx');

/** The school's grade statistics for the year as an .xlsx file. */
export const downloadGradeStatistics = (unitId: string, schoolYear: string) =>
  apiDownload(`/grade-statistics.xlsx${qs({ unitId, schoolYear })}`, 'thong-ke.xlsx');

/** One student's transcript as a PDF. */
export const downloadStudentTranscript = (classId: string, studentId: string) =>
  apiDownload(`/classes/${classId}/transcripts/${studentId}/pdf`, 'hoc-ba.pdf');
