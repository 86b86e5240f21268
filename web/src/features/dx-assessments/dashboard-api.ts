import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '#contracts/dx-assessments/dashboard.ts';
import { apiDownload, apiGet, qs } from '../../api/client.ts';

export type { Dashboard };

export interface DashboardParams {
  unitId: string;
  schoolYear?: string | undefined;
  subjectKind: 'school' | 'office';
}

export const dashboardQueryString = (p: DashboardParams) =>
  qs({ unitId: p.unitId, schoolYear: p.schoolYear, subjectKind: p.subjectKind });

export function useDashboard(params: DashboardParams) {
  return useQuery({
    queryKey: ['assessment-dashboard', params],
    queryFn: () => apiGet<Dashboard>(`/assessment-dashboard${dashboardQueryString(params)}`),
    enabled: Boolean(params.unitId),
  });
}

/** The same report as a PDF for print. */
export const downloadDashboardPdf = (params: DashboardParams, schoolYear: string | null | undefined) =>
  apiDownload(
    `/assessment-dashboard.pdf${dashboardQueryString(params)}`,
    `tong-hop-chuyen-doi-so-${schoolYear ?? ''}.pdf`,
  );
