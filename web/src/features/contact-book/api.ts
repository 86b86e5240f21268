import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassNote, ContactBook } from '#contracts/contact-book.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import type { MyStudent } from '../students/api.ts';

export type { ClassNote, ContactBook };

export function useChildren() {
  return useQuery({
    queryKey: ['contact-book', 'children'],
    queryFn: () => apiGet<MyStudent[]>('/contact-book/children'),
  });
}

export function useContactBook(studentId: string | null) {
  return useQuery({
    queryKey: ['contact-book', 'student', studentId],
    queryFn: () => apiGet<ContactBook>(`/contact-book/students/${studentId}`),
    enabled: Boolean(studentId),
  });
}

export function useAcknowledge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => apiPost<{ acknowledgedAt: string }>(`/class-notes/${noteId}/ack`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['contact-book'] }),
  });
}

export function useClassNotes(classId: string | undefined) {
  return useQuery({
    queryKey: ['class-notes', classId],
    queryFn: () => apiGet<ClassNote[]>(`/classes/${classId}/notes`),
    enabled: Boolean(classId),
  });
}

export function usePostNote(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; body: string; studentIds?: string[] }) =>
      apiPost<{ id: string; recipients: number }>(`/classes/${classId}/notes`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['class-notes', classId] });
      void client.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
