import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Department } from '#contracts/departments.ts';
import { apiDelete, apiPatch, apiPost } from '../../api/client.ts';

export { useDepartments } from '../staff/api.ts';

export interface DepartmentValues {
  name: string;
  headStaffId: string | null;
}

/** Every write refreshes the lists of departments (the staff filters show them too). */
function useDepartmentWrite<Input>(request: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export const useDeleteDepartment = () =>
  useDepartmentWrite((id: string) => apiDelete<void>(`/departments/${id}`));

/** Creates a department in the unit, or renames / changes the head of an existing one. */
export const useSaveDepartment = (unitId: string, department: Department | undefined) =>
  useDepartmentWrite((values: DepartmentValues) =>
    department
      ? apiPatch<Department>(`/departments/${department.id}`, values)
      : apiPost<Department>('/departments', { unitId, ...values }),
  );
