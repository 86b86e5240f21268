import { Badge, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
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
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table striped fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('school')}</Table.Th>
                <Table.Th>{t('entryColumn')}</Table.Th>
                <Table.Th>{t('yearClose')}</Table.Th>
                <Table.Th>{t('dx')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.map((s) => {
                const entry = percent(s.entryComplete, s.entryExpected);
                return (
                  <Table.Tr key={s.unitId} data-testid="home-school-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {s.name}
                      </Text>
                      <Group gap={4} mt={2}>
                        {s.late.map((reason) => (
                          <Badge key={reason} color="red" variant="light" size="sm">
                            {reason}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td miw={120}>
                      <Text size="xs">{`${entry}% (${s.entryComplete}/${s.entryExpected})`}</Text>
                      <Progress value={entry} size="sm" aria-label={t('entryColumn')} />
                    </Table.Td>
                    <Table.Td>
                      {s.yearClosed}/{s.students}
                    </Table.Td>
                    <Table.Td>{s.dxStatus ? t(`assessments:status_${s.dxStatus}`) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
