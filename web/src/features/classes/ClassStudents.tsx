import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowsExchange, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { formatDate } from '../students/labels.tsx';
import { type ClassDetail, useClasses, useMoveStudent, useRemoveStudent } from './api.ts';

type ClassStudent = ClassDetail['students'][number];

/** The class list in Vietnamese name order, with move and remove for those who manage classes. */
export function ClassStudents({ cls, canWrite }: { cls: ClassDetail; canWrite: boolean }) {
  const { t } = useTranslation('classes');
  const [moving, setMoving] = useState<ClassStudent | null>(null);
  const remove = useRemoveStudent(cls.id);
  const confirmRemove = (s: ClassStudent) => {
    if (!window.confirm(t('removeConfirm', { name: s.fullName, className: cls.name }))) return;
    remove.mutate(s.studentId, { onSuccess: () => notifySaved(t('removed')), onError: notifyError });
  };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('students')}
      </Title>
      {cls.students.length === 0 ? (
        <Text c="dimmed">{t('noStudents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="class-students">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>#</Table.Th>
                <Table.Th>{t('fullName')}</Table.Th>
                <Table.Th>{t('birthDate')}</Table.Th>
                <Table.Th>{t('gender')}</Table.Th>
                <Table.Th>{t('enrolledOn')}</Table.Th>
                {canWrite && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cls.students.map((s, index) => (
                <Table.Tr key={s.enrolmentId}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/students/${s.studentId}`}>
                      {s.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(s.birthDate)}</Table.Td>
                  <Table.Td>{s.gender ? t(`common:${s.gender}`) : '—'}</Table.Td>
                  <Table.Td>{formatDate(s.enrolledOn)}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={t('move')} onClick={() => setMoving(s)}>
                          <IconArrowsExchange size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('remove')}
                          onClick={() => confirmRemove(s)}
                        >
                          <IconUserMinus size={18} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {moving && <MoveModal cls={cls} student={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}

function MoveModal({ cls, student, onClose }: { cls: ClassDetail; student: ClassStudent; onClose(): void }) {
  const { t } = useTranslation('classes');
  const { unitId } = useWorkspace();
  const classes = useClasses(unitId, cls.schoolYear);
  const move = useMoveStudent(cls.id);
  const [toClassId, setToClassId] = useState<string | null>(null);
  // Empty: the server takes today, moved inside the class's school year.
  const [movedOn, setMovedOn] = useState<string | null>(null);
  const targets = (classes.data?.classes ?? []).filter((c) => c.id !== cls.id);
  return (
    <Modal opened onClose={onClose} title={t('moveTitle', { name: student.fullName })}>
      <Stack>
        <Select
          label={t('moveTo')}
          data={targets.map((c) => ({ value: c.id, label: c.name }))}
          value={toClassId}
          onChange={setToClassId}
          searchable
          required
        />
        <DateInput
          label={t('movedOn')}
          description={t('movedOnHint')}
          valueFormat="DD/MM/YYYY"
          clearable
          value={movedOn}
          onChange={setMovedOn}
        />
        {move.error && <ErrorAlert error={move.error} />}
        <Button
          disabled={!toClassId}
          loading={move.isPending}
          onClick={() =>
            toClassId &&
            move.mutate(
              { studentId: student.studentId, toClassId, movedOn: movedOn ?? undefined },
              {
                onSuccess: () => {
                  notifySaved(t('moved'));
                  onClose();
                },
              },
            )
          }
        >
          {t('move')}
        </Button>
      </Stack>
    </Modal>
  );
}
