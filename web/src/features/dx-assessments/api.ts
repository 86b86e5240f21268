import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assessmentDetailSchema,
  assessmentSummarySchema,
  evidenceSchema,
  metricDrillDownSchema,
} from '#contracts/dx-assessments/assessment.ts';
import type {
  campaignBoardSchema,
  campaignSchema,
  catalogueDetailSchema,
  catalogueSummarySchema,
  importCatalogueResponse,
  publicResultsSchema,
  recognitionSchema,
  teamSchema,
  userOptionSchema,
} from '#contracts/dx-assessments/campaigns.ts';
import { apiDelete, apiDownload, apiGet, apiPost, apiPut, apiUpload, qs } from '../../api/client.ts';
import { notifySaved } from '../../ui/notify.ts';

export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type MetricDrillDown = z.infer<typeof metricDrillDownSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignBoard = z.infer<typeof campaignBoardSchema>;
export type CatalogueSummary = z.infer<typeof catalogueSummarySchema>;
export type CatalogueDetail = z.infer<typeof catalogueDetailSchema>;
export type ImportResult = z.infer<typeof importCatalogueResponse>;
export type PublicResults = z.infer<typeof publicResultsSchema>;
export type Recognition = z.infer<typeof recognitionSchema>;
export type Team = z.infer<typeof teamSchema>;
export type UserOption = z.infer<typeof userOptionSchema>;

export const keys = {
  assessment: (id: string) => ['assessments', id] as const,
  assessments: (unitId: string) => ['assessments', 'unit', unitId] as const,
  campaigns: (unitId: string) => ['assessment-campaigns', 'unit', unitId] as const,
  campaign: (id: string) => ['assessment-campaigns', id] as const,
  catalogues: (unitId: string) => ['assessment-catalogues', unitId] as const,
};

export function useAssessment(id: string) {
  return useQuery({
    queryKey: keys.assessment(id),
    queryFn: () => apiGet<AssessmentDetail>(`/assessments/${id}`),
  });
}

export function useAssessments(unitId: string) {
  return useQuery({
    queryKey: keys.assessments(unitId),
    queryFn: () => apiGet<AssessmentSummary[]>(`/assessments${qs({ unitId })}`),
    enabled: Boolean(unitId),
  });
}

/** A mutation that returns the whole assessment again: the cache is replaced with the server's answer. */
/**
 * An action on an assessment. `success` is the toast: shown here rather than in `mutate(…, { onSuccess })`, because
 * the new status often unmounts the button that started it (a returned file has no "return" panel), and TanStack
 * Query drops the callbacks of an unmounted caller, so the toast never appeared.
 */
export function useAssessmentAction<T>(
  id: string,
  run: (input: T) => Promise<AssessmentDetail>,
  success?: string | (() => string),
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      if (success) notifySaved(typeof success === 'string' ? success : success());
      client.setQueryData(keys.assessment(id), detail);
      void client.invalidateQueries({ queryKey: ['assessments', 'unit'] });
    },
  });
}

/** Evidence changes return the item's evidence list; the assessment is refetched to show it. */
export function useEvidenceAction<T>(id: string, run: (input: T) => Promise<Evidence[]>, success?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      if (success) notifySaved(success);
      return client.invalidateQueries({ queryKey: keys.assessment(id) });
    },
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: keys.campaign(id),
    queryFn: () => apiGet<CampaignBoard>(`/assessment-campaigns/${id}`),
  });
}

export function useCampaigns(unitId: string) {
  return useQuery({
    queryKey: keys.campaigns(unitId),
    queryFn: () => apiGet<Campaign[]>(`/assessment-campaigns${qs({ unitId })}`),
    enabled: Boolean(unitId),
  });
}

export function useCatalogues(unitId: string, enabled = true) {
  return useQuery({
    queryKey: keys.catalogues(unitId),
    queryFn: () => apiGet<CatalogueSummary[]>(`/assessment-catalogues${qs({ unitId })}`),
    enabled: Boolean(unitId) && enabled,
  });
}

export function useTeams(campaignId: string) {
  return useQuery({
    queryKey: ['assessment-teams', campaignId],
    queryFn: () => apiGet<Team[]>(`/assessment-campaigns/${campaignId}/teams`),
  });
}

export function useRecognitions(campaignId: string) {
  return useQuery({
    queryKey: ['recognitions', campaignId],
    queryFn: () => apiGet<Recognition[]>(`/assessment-campaigns/${campaignId}/recognitions`),
  });
}

export const assessmentApi = {
  saveItem: (id: string, itemId: string, body: unknown) =>
    apiPut<AssessmentDetail>(`/assessments/${id}/items/${encodeURIComponent(itemId)}`, body),
  assign: (id: string, itemId: string, userId: string | null) =>
    apiPut<AssessmentDetail>(`/assessments/${id}/items/${encodeURIComponent(itemId)}/assignee`, { userId }),
  review: (id: string, itemId: string, body: unknown) =>
    apiPut<AssessmentDetail>(`/assessments/${id}/items/${encodeURIComponent(itemId)}/review`, body),
  approve: (id: string, comment?: string) =>
    apiPost<AssessmentDetail>(`/assessments/${id}/approve`, { comment }),
  submit: (id: string) => apiPost<AssessmentDetail>(`/assessments/${id}/submit`),
  returnToUnit: (id: string, body: unknown) => apiPost<AssessmentDetail>(`/assessments/${id}/return`, body),
  closeReview: (id: string, comment?: string) =>
    apiPost<AssessmentDetail>(`/assessments/${id}/close-review`, { comment }),
  pullMeasured: (id: string) => apiPost<AssessmentDetail>(`/assessments/${id}/measured-answers`),
  uploadEvidence: (id: string, itemId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<Evidence[]>(
      `/assessments/${id}/items/${encodeURIComponent(itemId)}/evidence-file`,
      form,
    );
  },
  addEvidence: (id: string, itemId: string, body: unknown) =>
    apiPost<Evidence[]>(`/assessments/${id}/items/${encodeURIComponent(itemId)}/evidence`, body),
  removeEvidence: (id: string, evidenceId: string) =>
    apiDelete<Evidence[]>(`/assessments/${id}/evidence/${evidenceId}`),
  downloadEvidence: (id: string, evidence: Evidence) =>
    apiDownload(`/assessments/${id}/evidence/${evidence.id}/file`, evidence.fileName ?? 'minh-chung'),
  /** The assessment's minutes or recognition decision as a PDF. */
  downloadDocument: (id: string, kind: 'minutes' | 'decision') =>
    apiDownload(`/assessments/${id}/${kind}.pdf`, `${kind}.pdf`),
};

export const campaignApi = {
  create: (body: unknown) => apiPost<Campaign>('/assessment-campaigns', body),
  update: (id: string, body: unknown) => apiPut<Campaign>(`/assessment-campaigns/${id}`, body),
  remind: (id: string) =>
    apiPost<{ sent: number; alreadyRemindedToday: number }>(`/assessment-campaigns/${id}/remind`),
  downloadResults: (id: string) => apiDownload(`/assessment-campaigns/${id}/export.xlsx`, 'ket-qua.xlsx'),
  /** Creates a team for the campaign, or saves an existing one. */
  saveTeam: (campaignId: string, teamId: string | undefined, body: unknown) =>
    teamId
      ? apiPut<Team>(`/assessment-teams/${teamId}`, body)
      : apiPost<Team>(`/assessment-campaigns/${campaignId}/teams`, body),
  deleteTeam: (teamId: string) => apiDelete<void>(`/assessment-teams/${teamId}`),
  recognise: (campaignId: string, body: unknown) =>
    apiPost<Recognition>(`/assessment-campaigns/${campaignId}/recognitions`, body),
  downloadDecision: (decisionId: string) =>
    apiDownload(`/recognition-decisions/${decisionId}/document.pdf`, `quyet-dinh.pdf`),
};

export const catalogueApi = {
  import: (unitId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ImportResult>(`/assessment-catalogues/import${qs({ unitId })}`, form);
  },
  downloadTemplate: (unitId: string, c: CatalogueSummary) =>
    apiDownload(
      `/assessment-catalogues/template.xlsx${qs({ unitId, code: c.code, version: c.version })}`,
      'bo-tieu-chi.xlsx',
    ),
};

/** The users an assessment's items can be assigned to. */
export const useAssignableUsers = (assessmentId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['assessments', assessmentId, 'users'],
    queryFn: () => apiGet<UserOption[]>(`/assessments/${assessmentId}/assignable-users`),
    enabled,
  });

/** The office's users who can sit on a campaign's assessment teams. */
export const useOfficeUsers = (campaignId: string) =>
  useQuery({
    queryKey: ['assessment-campaigns', campaignId, 'office-users'],
    queryFn: () => apiGet<UserOption[]>(`/assessment-campaigns/${campaignId}/office-users`),
  });

/** The pupils or staff behind a measured indicator (who counts, who is missing). */
export const useMetricDrillDown = (assessmentId: string, metricId: string) =>
  useQuery({
    queryKey: ['assessments', assessmentId, 'metric', metricId],
    queryFn: () => apiGet<MetricDrillDown>(`/assessments/${assessmentId}/metrics/${metricId}`),
  });

export const useCatalogue = (unitId: string, viewing: CatalogueSummary | null) =>
  useQuery({
    queryKey: ['assessment-catalogues', unitId, viewing?.code, viewing?.version],
    queryFn: () =>
      apiGet<CatalogueDetail>(`/assessment-catalogues/${viewing?.code}/${viewing?.version}${qs({ unitId })}`),
    enabled: Boolean(viewing),
  });

/** A unit's published results, for anyone (no login). */
export const usePublicResults = (unitId: string) =>
  useQuery({
    queryKey: ['public-results', unitId],
    queryFn: () => apiGet<PublicResults>(`/public/assessment-results/${unitId}`),
  });
