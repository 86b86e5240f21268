import {
  Accordion,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  SegmentedControl,
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
import { useClass } from '../classes/api.ts';
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
  const [audience, setAudience] = useState<'class' | 'students'>('class');
  const [studentIds, setStudentIds] = useState<string[]>([]);
  // The class list, to choose students (loaded only once the teacher asks for it).
  const cls = useClass(canPost && audience === 'students' ? classId : undefined);
  const chosen = audience === 'students';
  const send = () =>
    post.mutate(
      { title, body, ...(chosen ? { studentIds } : {}) },
      {
        onSuccess: (r) => {
          notifySaved(t('sent', { count: r.recipients }));
          setTitle('');
          setBody('');
          setStudentIds([]);
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
            <SegmentedControl
              fullWidth
              value={audience}
              onChange={(value) => setAudience(value as 'class' | 'students')}
              data={[
                { value: 'class', label: t('toClass') },
                { value: 'students', label: t('toStudents') },
              ]}
              data-testid="note-audience"
            />
            {chosen && (
              <MultiSelect
                label={t('chooseStudents')}
                data={(cls.data?.students ?? []).map((st) => ({ value: st.studentId, label: st.fullName }))}
                value={studentIds}
                onChange={setStudentIds}
                searchable
                hidePickedOptions
                nothingFoundMessage="—"
                data-testid="note-students"
              />
            )}
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
              <Button
                onClick={send}
                loading={post.isPending}
                disabled={!title.trim() || !body.trim() || (chosen && studentIds.length === 0)}
              >
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
                  {/* Title over the count: side by side, the badge squeezed the title on a phone. */}
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {n.title}
                    </Text>
                    {!n.wholeClass && (
                      <Text size="xs" c="gray.7">
                        {t('toChosen')}
                      </Text>
                    )}
                    <Badge variant="light" color={n.acknowledged === n.recipients.length ? 'teal' : 'gray'}>
                      {t('ackCount', { done: n.acknowledged, total: n.recipients.length })}
                    </Badge>
                  </Stack>
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
