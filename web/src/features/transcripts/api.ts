import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassTranscripts } from '../../../../src/features/transcripts/schemas.ts';
import { apiGet, apiPost } from '../../api/client.ts';

export type { ClassTranscripts };

export function useClassTranscripts(classId: string | undefined) {
  return useQuery({
    queryKey: ['transcripts', classId],
    queryFn: () => apiGet<ClassTranscripts>(`/classes/${classId}/transcripts`),
    enabled: Boolean(classId),
  });
}

function useTranscriptMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['transcripts'] }),
  });
}

export const useSignClass = (classId: string) =>
  useTranscriptMutation(() =>
    apiPost<{ signed: number; alreadyApproved: number }>(`/classes/${classId}/transcripts/sign`),
  );

export const useApproveClass = (classId: string) =>
  useTranscriptMutation(() => apiPost<{ approved: number }>(`/classes/${classId}/transcripts/approve`));

export const useCorrectTranscript = () =>
  useTranscriptMutation((input: { id: string; reason: string }) =>
    apiPost<{ id: string; version: number }>(`/transcripts/${input.id}/corrections`, {
      reason: input.reason,
    }),
  );
