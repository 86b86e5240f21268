import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  alreadyCommittedDetails,
  type ImportMode,
  type importKindSchema,
  type previewSchema,
  type rowErrorSchema,
} from '#contracts/imports.ts';
import type { Job } from '#contracts/jobs.ts';
import { ApiError, apiDownload, apiGet, apiPost, apiUpload, qs } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';

export type ImportKindInfo = z.infer<typeof importKindSchema>;
export type ImportPreview = z.infer<typeof previewSchema>;
export type RowError = z.infer<typeof rowErrorSchema>;
export type { ImportMode, Job };

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

/** The previewed file with its errors marked: bad cells filled red, the message in each cell's comment. */
export const downloadPreviewErrors = (
  preview: Pick<ImportPreview, 'previewId' | 'unitId' | 'kind' | 'mode' | 'fileName'>,
) =>
  apiDownload(
    `/imports/previews/${preview.previewId}/errors.xlsx${qs({ unitId: preview.unitId, kind: preview.kind, mode: preview.mode })}`,
    preview.fileName.replace(/\.xlsx$/i, '-loi.xlsx'),
  );

export function usePreview() {
  return useMutation({
    mutationFn: (input: { unitId: string; kind: string; mode: ImportMode; file: File }) => {
      const form = new FormData();
      form.append('file', input.file);
      return apiUpload<ImportPreview>(
        `/imports/preview${qs({ unitId: input.unitId, kind: input.kind, mode: input.mode })}`,
        form,
      );
    },
  });
}

export function useCommit() {
  return useMutation({
    mutationFn: async (input: { unitId: string; kind: string; fileId: string; mode: ImportMode }) => {
      try {
        return await apiPost<{ jobId: string }>('/imports/commit', input);
      } catch (error) {
        // Committed already (a second click, another tab): the wizard follows that first import instead.
        const first = error instanceof ApiError && error.code === 'already_done' ? error.details : undefined;
        const parsed = alreadyCommittedDetails.safeParse(first);
        if (parsed.success) return { jobId: parsed.data.jobId };
        throw error;
      }
    },
  });
}

/** Follows the import job; when it has written, the lists it changed are refreshed. */
export const useImportJob = (jobId: string | null) =>
  useJob(jobId, { refreshes: ['staff', 'students', 'classes', 'gradebook'] });
