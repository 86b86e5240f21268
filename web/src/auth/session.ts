import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#contracts/auth.ts';
import { ApiError, apiGet, apiPost } from '../api/client.ts';

export type { Me };

/** The logged-in user, or null when nobody is (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await apiGet<Me>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { login: string; password: string }) => apiPost<Me>('/auth/login', input),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(['me'], me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(['me'], null);
      localStorage.removeItem('truongso.workspace');
    },
  });
}
