import { Badge, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useStudent } from './api.ts';
import { DuplicateBadge } from './DuplicateBadge.tsx';
import { GuardiansCard } from './GuardiansCard.tsx';
import { StatusBadge } from './labels.tsx';
import { PersonalDataCard } from './PersonalDataCard.tsx';
import { StatusModal } from './StatusModal.tsx';
import { ClassesCard, GeneralCard, HistoryCard, SensitiveCard } from './StudentSections.tsx';

export default function StudentDetailPage() {
  const { t } = useTranslation('students');
  const { id } = useParams();
  const student = useStudent(id);
  const [statusOpened, statusModal] = useDisclosure();
  if (student.isPending) return <Loading />;
  if (student.error) return <ErrorAlert error={student.error} onRetry={() => student.refetch()} />;
  const s = student.data;
  const canWrite = s.permissions.includes('students.write') && !s.erased;

  return (
    <Stack>
      <PageHeader
        title={s.fullName}
        subtitle={
          <Group gap={6} component="span">
            <StatusBadge status={s.status} />
            {s.erased && <Badge color="gray">{t('erasedBadge')}</Badge>}
            {s.sensitive && s.sensitive.duplicateNationalIdCount > 0 && (
              <DuplicateBadge count={s.sensitive.duplicateNationalIdCount} />
            )}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <Button
                component={Link}
                to={`/students/${s.id}/edit`}
                variant="light"
                leftSection={<IconEdit size={16} />}
                data-testid="edit-student"
              >
                {t('edit')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconArrowsExchange size={16} />}
                onClick={statusModal.open}
                data-testid="change-status"
              >
                {t('changeStatus')}
              </Button>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <GeneralCard student={s} />
        <SensitiveCard student={s} canConfirm={canWrite} />
        <GuardiansCard student={s} />
        <HistoryCard student={s} />
        <ClassesCard student={s} />
        {(s.permissions.includes('students.personal_data') ||
          s.permissions.includes('personal_data.export_own')) && <PersonalDataCard student={s} />}
      </SimpleGrid>
      {canWrite && <StatusModal student={s} opened={statusOpened} onClose={statusModal.close} />}
    </Stack>
  );
}
