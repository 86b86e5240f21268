import { Anchor, Button, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useClasses } from '../classes/api.ts';
import { downloadGradeStatistics } from './api.ts';

export default function TranscriptsPage() {
  return (
    <RequirePermission permission="classes.read">
      <ClassPicker />
    </RequirePermission>
  );
}

/** The school's classes of the year; each opens its transcripts. Leaders also download the grade statistics. */
function ClassPicker() {
  const { t } = useTranslation('transcripts');
  const { unitId, schoolYear, can } = useWorkspace();
  const classes = useClasses(unitId, schoolYear);
  if (!schoolYear) return <Text c="dimmed">{t('noYear')}</Text>;
  const download = () => downloadGradeStatistics(unitId, schoolYear).catch(notifyError);
  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { year: schoolYear })}
        actions={
          can('gradebook.read') && (
            <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} onClick={download}>
              {t('statistics')}
            </Button>
          )
        }
      />
      {classes.error && <ErrorAlert error={classes.error} onRetry={() => classes.refetch()} />}
      {classes.isPending && <Loading />}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }}>
        {(classes.data?.classes ?? []).map((c) => (
          <Card key={c.id} withBorder padding="sm">
            <Anchor component={Link} to={`/transcripts/${c.id}`} fw={600}>
              {c.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {c.homeroomTeacherName ?? '—'} · {c.studentCount}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
