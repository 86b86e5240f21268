import { useQuery } from '@tanstack/react-query';
import type { Role } from '#contracts/roles.ts';
import type { Unit } from '#contracts/units.ts';
import { apiGet } from '../../api/client.ts';
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
