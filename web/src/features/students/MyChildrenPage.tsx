import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMyStudents } from './api.ts';
import { formatDate, StatusBadge } from './labels.tsx';

/** "Con của tôi": the students linked to a guardian's or a student's own account, and nobody else. */
export default function MyChildrenPage() {
  const { t } = useTranslation('students');
  const mine = useMyStudents();
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={() => mine.refetch()} />;
  return (
    <Stack>
      <PageHeader title={t('mineTitle')} />
      {mine.data.length === 0 && <Text c="dimmed">{t('mineEmpty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {mine.data.map((s) => (
          <Card key={s.id} withBorder data-testid="my-student">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Title order={3} size="h4">
                  {s.fullName}
                </Title>
                <StatusBadge status={s.status} />
              </Group>
              {s.link === 'self' && (
                <Badge variant="light" w="fit-content">
                  {t('mineSelf')}
                </Badge>
              )}
              <Text size="sm">{s.unitName}</Text>
              <Text size="sm">
                {t('className')}: {s.className ?? '—'} {s.schoolYear ? `(${s.schoolYear})` : ''}
              </Text>
              <Text size="sm">
                {t('birthDate')}: {formatDate(s.birthDate)}
              </Text>
              <Button component={Link} to={`/students/${s.id}`} variant="light" mt="xs">
                {t('viewRecord')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
