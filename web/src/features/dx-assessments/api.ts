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
import { apiGet, apiPost, apiPut, qs } from '../../api/client.ts';

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
export function useAssessmentAction<T>(id: string, run: (input: T) => Promise<AssessmentDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(keys.assessment(id), detail);
      void client.invalidateQueries({ queryKey: ['assessments', 'unit'] });
    },
  });
}

/** Evidence changes return the item's evidence list; the assessment is refetched to show it. */
export function useEvidenceAction<T>(id: string, run: (input: T) => Promise<Evidence[]>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.assessment(id) }),
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
};
