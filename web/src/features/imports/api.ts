import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { importKindSchema, previewSchema, rowErrorSchema } from '#contracts/imports.ts';
import type { Job } from '#contracts/jobs.ts';
import { apiDownload, apiGet, apiPost, apiUpload, qs } from '../../api/client.ts';

export type ImportKindInfo = z.infer<typeof importKindSchema>;
export type ImportPreview = z.infer<typeof previewSchema>;
export type RowError = z.infer<typeof rowErrorSchema>;

export type { Job };

/** The lists that can be imported and exported; the server's registry decides. */
export type ListKind = 'staff' | 'students' | 'classes' | 'teaching_assignments';

export function useImportKinds() {
  return useQuery({
    queryKey: ['imports', 'kinds'],
    queryFn: () => apiGet<ImportKindInfo[]>('/imports/kinds'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const downloadTemplate = (kind: string) =>
  apiDownload(`/imports/templates/${kind}`, `mau-nhap-${kind}.xlsx`);

export const downloadExport = (kind: string, unitId: string) =>
  apiDownload(`/imports/exports/${kind}${qs({ unitId })}`, `${kind}.xlsx`);

export function usePreview() {
  return useMutation({
    mutationFn: (input: { unitId: string; kind: string; file: File }) => {
      const form = new FormData();
      form.append('file', input.file);
      return apiUpload<ImportPreview>(
        `/imports/preview${qs({ unitId: input.unitId, kind: input.kind })}`,
        form,
      );
    },
  });
}

export function useCommit() {
  return useMutation({
    mutationFn: (input: { unitId: string; kind: string; fileId: string }) =>
      apiPost<{ jobId: string }>('/imports/commit', input),
  });
}

const FINISHED = new Set(['succeeded', 'failed']);

/** Follows a job until it ends; when it ends, the lists it changed are refreshed. */
export function useJob(jobId: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: async () => {
      const job = await apiGet<Job>(`/jobs/${jobId}`);
      if (job.status === 'succeeded') {
        for (const key of ['staff', 'students', 'classes', 'gradebook'])
          void client.invalidateQueries({ queryKey: [key] });
      }
      return job;
    },
    enabled: Boolean(jobId),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 700),
  });
}
