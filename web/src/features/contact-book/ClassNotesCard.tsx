import {
  Accordion,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { type ClassNote, useClassNotes, usePostNote } from './api.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

/** Teachers of a class write to its families and see who acknowledged each note. */
export function ClassNotesCard({ classId, canPost }: { classId: string; canPost: boolean }) {
  const { t } = useTranslation('contactBook');
  const notes = useClassNotes(classId);
  const post = usePostNote(classId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const send = () =>
    post.mutate(
      { title, body },
      {
        onSuccess: (r) => {
          notifySaved(t('sent', { count: r.recipients }));
          setTitle('');
          setBody('');
        },
      },
    );
  if (!canPost && (notes.data ?? []).length === 0) return null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('notesTitle')}
        </Title>
        {canPost && (
          <>
            <TextInput
              label={t('noteTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Textarea
              label={t('noteBody')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <FormError error={post.error} />
            <Group justify="flex-end">
              <Button onClick={send} loading={post.isPending} disabled={!title.trim() || !body.trim()}>
                {t('send')}
              </Button>
            </Group>
          </>
        )}
        {(notes.data ?? []).length > 0 && (
          <Accordion variant="separated">
            {(notes.data ?? []).map((n) => (
              <Accordion.Item key={n.id} value={n.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Text size="sm" fw={500}>
                      {n.title}
                    </Text>
                    <Badge variant="light" color={n.acknowledged === n.recipients.length ? 'teal' : 'gray'}>
                      {t('ackCount', { done: n.acknowledged, total: n.recipients.length })}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.body}
                  </Text>
                  <DeliveryReport delivery={n.delivery} />
                  {n.recipients.map((r) => (
                    <Group key={`${r.guardianName}-${r.studentName}`} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {r.guardianName} ({r.studentName})
                      </Text>
                      <Text size="xs" c={r.acknowledgedAt ? 'teal' : 'dimmed'}>
                        {r.acknowledgedAt ? when(r.acknowledgedAt) : t('waiting')}
                      </Text>
                    </Group>
                  ))}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Card>
  );
}

/** "Đã gửi 43/45 gia đình; 2 chưa có tài khoản/số điện thoại", with the families not reached and why. */
function DeliveryReport({ delivery }: { delivery: ClassNote['delivery'] }) {
  const { t } = useTranslation('contactBook');
  const reasons = new Map<string, number>();
  for (const u of delivery.unreached) reasons.set(u.reason ?? '', (reasons.get(u.reason ?? '') ?? 0) + 1);
  const parts = [t('delivered', { reached: delivery.reached, families: delivery.families })];
  if (delivery.pending > 0) parts.push(t('deliveryPending', { count: delivery.pending }));
  for (const [reason, count] of reasons) {
    parts.push(
      reason
        ? `${count} ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`
        : t('deliveryUnreached', { count }),
    );
  }
  return (
    <Stack gap={2} mb="xs" data-testid="note-delivery">
      <Text size="sm" fw={500}>
        {parts.join('; ')}
      </Text>
      {delivery.unreached.map((u) => (
        <Text key={u.studentId} size="xs" c="red.9">
          {u.studentName}: {u.reason}
        </Text>
      ))}
    </Stack>
  );
}
