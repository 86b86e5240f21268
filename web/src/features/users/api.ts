import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '#contracts/roles.ts';
import type { Unit } from '#contracts/units.ts';
import type { createUserBody, User, UserPage } from '#contracts/users.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, qs } from '../../api/client.ts';
import { useListQuery } from '../../api/useListQuery.ts';
import { subtreeIds } from '../units/tree.ts';

export function useGrantableRoles(unitId: string | null) {
  return useQuery({
    queryKey: ['grantable-roles', unitId],
    queryFn: () => apiGet<{ unitId: string; roles: Role[] }>(`/users/grantable-roles?unitId=${unitId}`),
    enabled: Boolean(unitId),
    retry: false,
  });
}

/** The unit and every unit below it among the units the user can see. */
export function unitsUnder(units: readonly Unit[], rootId: string): Unit[] {
  const inside = subtreeIds(units, rootId);
  return units.filter((u) => inside.has(u.id));
}

export interface UserListParams {
  unitId: string;
  q: string;
  status: string | null;
  role: string | null;
  page: number;
  pageSize: number;
}

/** The accounts of a unit and the units below it, searched and filtered, one page at a time. */
export const useUserPage = (params: UserListParams) =>
  useListQuery<UserPage>(['users', params], `/users${qs({ ...params })}`);

export const useUser = (userId: string | null) =>
  useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: () => apiGet<User>(`/users/${userId}`),
    enabled: Boolean(userId),
  });

export const createUser = (body: z.input<typeof createUserBody>) =>
  apiPost<{ user: User; temporaryPassword: string | null }>('/users', body);

export const updateUser = (userId: string, values: { fullName: string; email: string; phone: string }) =>
  apiPatch<User>(`/users/${userId}`, values);

export const linkUserToStaff = (userId: string, staffId: string | null) =>
  apiPut<User>(`/users/${userId}/staff`, { staffId });

export const resetUserPassword = (userId: string) =>
  apiPost<{ temporaryPassword: string }>(`/users/${userId}/reset-password`);

export const setUserActive = (userId: string, active: boolean) =>
  apiPost<User>(`/users/${userId}/${active ? 'reactivate' : 'deactivate'}`);

export const grantRole = (userId: string, grant: { role: Role | null; unitId: string | null }) =>
  apiPost<User>(`/users/${userId}/roles`, grant);

export const revokeRole = (userId: string, assignmentId: string) =>
  apiDelete<User>(`/users/${userId}/roles/${assignmentId}`);
