import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { schoolYearsResponse, upsertSchoolYearBody } from '#contracts/school-years.ts';
import { apiGet, apiPut } from '../../api/client.ts';

export type Years = z.infer<typeof schoolYearsResponse>;

export const schoolYearsKey = (unitId: string) => ['school-years', unitId];

/** The school years a unit sees (its own calendars and those its offices defined), and its current one. */
export const useSchoolYears = (unitId: string) =>
  useQuery({
    queryKey: schoolYearsKey(unitId),
    queryFn: () => apiGet<Years>(`/school-years?unitId=${unitId}`),
  });

export const setCurrentSchoolYear = (unitId: string, code: string) =>
  apiPut<Years>(`/units/${unitId}/current-school-year`, { code });

/** Declares a school year's calendar for the unit, or changes its dates. */
export const saveSchoolYear = (values: z.input<typeof upsertSchoolYearBody>) =>
  apiPut<Years>('/school-years', values);
