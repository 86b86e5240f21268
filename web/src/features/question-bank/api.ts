import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateQuestionInput,
  ImportCommitInput,
  ImportPreview,
  ListQuestionsQuery,
  Question,
  ReviewQuestionInput,
  UpdateQuestionInput,
} from '#contracts/questions.ts';
import { apiDelete, apiDownload, apiGet, apiPost, apiPut, apiUpload, qs } from '../../api/client.ts';
import { useListQuery } from '../../api/useListQuery.ts';

export interface QuestionPage {
  items: Question[];
  total: number;
  page: number;
  pageSize: number;
}
export type QuestionFilters = Omit<ListQuestionsQuery, 'unitId' | 'page' | 'pageSize'>;

const filterParams = (unitId: string, filters: QuestionFilters) => ({
  unitId,
  subjectCode: filters.subjectCode,
  grade: filters.grade,
  level: filters.level,
  type: filters.type,
  reviewState: filters.reviewState,
  q: filters.q,
  mine: filters.mine ? true : undefined,
});

export function useQuestions(unitId: string, filters: QuestionFilters, page: number, pageSize: number) {
  const path = `/question-bank/questions${qs({ ...filterParams(unitId, filters), page, pageSize })}`;
  return useListQuery<QuestionPage>(['question-bank', unitId, filters, page, pageSize], path, {
    enabled: Boolean(unitId),
  });
}

export function useQuestion(id: string | undefined) {
  return useQuery({
    queryKey: ['question-bank', 'question', id],
    queryFn: () => apiGet<Question>(`/question-bank/questions/${id}`),
    enabled: Boolean(id),
  });
}

function useInvalidatingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['question-bank'] }),
  });
}

export const useCreateQuestion = () =>
  useInvalidatingMutation((input: CreateQuestionInput) =>
    apiPost<Question>('/question-bank/questions', input),
  );

export const useUpdateQuestion = (id: string) =>
  useInvalidatingMutation((input: UpdateQuestionInput) =>
    apiPut<Question>(`/question-bank/questions/${id}`, input),
  );

export const useDeleteQuestion = () =>
  useInvalidatingMutation((id: string) => apiDelete<void>(`/question-bank/questions/${id}`));

export const useReviewQuestion = () =>
  useInvalidatingMutation(({ id, ...input }: ReviewQuestionInput & { id: string }) =>
    apiPost<Question>(`/question-bank/questions/${id}/review`, input),
  );

export function usePreviewImport(unitId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportPreview>(`/question-bank/imports/preview${qs({ unitId })}`, form);
    },
  });
}

export const useCommitImport = () =>
  useInvalidatingMutation((input: ImportCommitInput) =>
    apiPost<{ created: number }>('/question-bank/imports/commit', input),
  );

export function downloadQuestions(unitId: string, filters: QuestionFilters, format: 'gift' | 'moodle_xml') {
  return apiDownload(
    `/question-bank/export${qs({ ...filterParams(unitId, filters), format })}`,
    format === 'gift' ? 'ngan-hang-cau-hoi.gift.txt' : 'ngan-hang-cau-hoi.xml',
  );
}
