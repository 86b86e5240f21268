import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useOfficeHome } from './api.ts';

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.round((100 * done) / total));

/** An office's schools, late ones first: score entry, year close and the DX self-assessment of each. */
export function OfficeHome({ unitId, schoolYear }: { unitId: string; schoolYear: string | null }) {
  const { t } = useTranslation('home');
  const home = useOfficeHome(unitId, schoolYear, true);
  if (home.isPending) return <Loading />;
  if (home.error) return <ErrorAlert error={home.error} onRetry={() => home.refetch()} />;
  const schools = home.data.schools;
  const late = schools.filter((s) => s.late.length > 0).length;
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="home-office-summary">
        {t('officeSummary', { schools: schools.length, late })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {schools.map((s) => {
          const entry = percent(s.entryComplete, s.entryExpected);
          return (
            <Card key={s.unitId} withBorder padding="sm" data-testid="home-school-row">
              <Text fw={600} size="sm">
                {s.name}
              </Text>
              {s.late.length > 0 && (
                <Stack gap={2} mt={4}>
                  {s.late.map((reason) => (
                    <Text key={reason} size="xs" c="red.8" fw={600}>
                      {reason}
                    </Text>
                  ))}
                </Stack>
              )}
              <Group justify="space-between" mt={6} gap="xs">
                <Text size="xs">{t('entryColumn')}</Text>
                <Text size="xs">{`${entry}% (${s.entryComplete}/${s.entryExpected})`}</Text>
              </Group>
              <Progress value={entry} size="sm" aria-label={`${t('entryColumn')}: ${s.name}`} />
              <Group justify="space-between" mt={6} gap="xs">
                <Text size="xs">{t('yearClose')}</Text>
                <Text size="xs">
                  {s.yearClosed}/{s.students}
                </Text>
              </Group>
              <Group justify="space-between" mt={2} gap="xs">
                <Text size="xs">{t('dx')}</Text>
                {s.dxStatus ? (
                  <Badge size="sm" variant="light">
                    {t(`assessments:status_${s.dxStatus}`)}
                  </Badge>
                ) : (
                  <Text size="xs">—</Text>
                )}
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
