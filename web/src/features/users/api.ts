import { useQuery } from '@tanstack/react-query';
import type { Role } from '#contracts/roles.ts';
import type { Unit } from '#contracts/units.ts';
import type { UserPage } from '#contracts/users.ts';
import { apiGet, qs } from '../../api/client.ts';
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
