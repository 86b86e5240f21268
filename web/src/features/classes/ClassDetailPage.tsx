import { Alert, Button, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconLock, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AddStudentsPanel } from './AddStudentsPanel.tsx';
import { useClass, useDeleteClass } from './api.ts';
import { ClassFormModal } from './ClassFormModal.tsx';
import { ClassStudents } from './ClassStudents.tsx';
import { SubjectsCard } from './SubjectsCard.tsx';

export default function ClassDetailPage() {
  const { t } = useTranslation('classes');
  const { id } = useParams();
  const navigate = useNavigate();
  const cls = useClass(id);
  const remove = useDeleteClass();
  const [editing, editModal] = useDisclosure();
  if (cls.isPending) return <Loading />;
  if (cls.error) return <ErrorAlert error={cls.error} onRetry={() => cls.refetch()} />;
  const c = cls.data;
  // A finished year's class is a record of that year: the server refuses hand edits, so the page offers none.
  const canWrite = c.permissions.includes('classes.write') && c.lockedReason === null;
  const deleteClass = () =>
    remove.mutate(c.id, {
      onSuccess: () => {
        notifySaved(t('deleted'));
        navigate('/classes');
      },
      onError: notifyError,
    });

  return (
    <Stack>
      <PageHeader
        title={t('classTitle', { name: c.name })}
        subtitle={t('classSubtitle', {
          year: c.schoolYear,
          teacher: c.homeroomTeacherName ?? t('noTeacher'),
          room: c.room ?? '—',
          count: c.studentCount,
        })}
        actions={
          canWrite && (
            <>
              <Button variant="light" leftSection={<IconEdit size={16} />} onClick={editModal.open}>
                {t('edit')}
              </Button>
              {c.studentCount === 0 && (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  loading={remove.isPending}
                  onClick={deleteClass}
                >
                  {t('delete')}
                </Button>
              )}
            </>
          )
        }
      />
      {c.lockedReason && (
        <Alert color="gray" icon={<IconLock size={16} />} data-testid="class-locked">
          {c.lockedReason}
        </Alert>
      )}
      <ClassStudents cls={c} canWrite={canWrite} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {canWrite && <AddStudentsPanel cls={c} />}
        <SubjectsCard grade={c.grade} />
      </SimpleGrid>
      {canWrite && (
        <ClassFormModal cls={c} schoolYear={c.schoolYear} opened={editing} onClose={editModal.close} />
      )}
    </Stack>
  );
}
