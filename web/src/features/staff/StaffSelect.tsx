import { Select, type SelectProps } from '@mantine/core';
import { useStaffPage } from './api.ts';
import { foldedFilter } from './options.ts';

/** Picks a staff member of a unit (department head, account link), searchable without diacritics. */
export function StaffSelect({ unitId, ...props }: { unitId: string } & Omit<SelectProps, 'data'>) {
  const staff = useStaffPage({ unitId, pageSize: 500 });
  const data = (staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.fullName }));
  return <Select searchable clearable filter={foldedFilter} data={data} {...props} />;
}
