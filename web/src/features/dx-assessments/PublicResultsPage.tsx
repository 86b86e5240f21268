import { Anchor, Badge, Card, Container, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { type PublicResults, usePublicResults } from './api.ts';
import { formatDate, formatPoints, levelColor } from './format.ts';

type Result = PublicResults['own'][number];

function ResultCard({ result }: { result: Result }) {
  const { t } = useTranslation('assessments');
  return (
    <Card withBorder data-testid="public-result">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{result.catalogueTitle}</Text>
          <Badge size="lg" color={levelColor(result.level)} style={{ flexShrink: 0 }}>
            {result.levelLabel}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('common:schoolYear')} {result.schoolYear} · {result.officeName} ·{' '}
          {t('decisionTitle', { number: result.decisionNumber, date: formatDate(result.decidedOn) })}
        </Text>
        {result.groups.map((g) => (
          <Group key={g.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('group')} {g.id}. {g.title}
            </Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatPoints(g.total)} · {g.label}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The public page of a school or an office (no login): results recognised by a decision, nothing else. */
export default function PublicResultsPage() {
  const { t } = useTranslation('assessments');
  const { unitId = '' } = useParams();
  const query = usePublicResults(unitId);
  return (
    <Container size="lg" py="md">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <IconSchool size={26} color="var(--mantine-color-blue-6)" />
            <Text fw={700}>{t('common:appName')}</Text>
          </Group>
          <Anchor component={Link} to="/login" size="sm">
            {t('login')}
          </Anchor>
        </Group>
        {query.isPending && <Loading />}
        {query.error && <ErrorAlert error={query.error} />}
        {query.data && (
          <>
            <Stack gap={2}>
              <Title order={1} size="h3">
                {query.data.unit.name}
              </Title>
              <Text c="dimmed" size="sm">
                {t('publicSubtitle')}
              </Text>
            </Stack>
            {query.data.own.length === 0 && query.data.managed.length === 0 && (
              <Text>{t('publicNothing')}</Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {query.data.own.map((r) => (
                <ResultCard key={`${r.campaignTitle}-${r.decisionNumber}`} result={r} />
              ))}
            </SimpleGrid>
            {query.data.managed.length > 0 && (
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('publicManaged')}
                </Title>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped data-testid="public-managed">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('unit')}</Table.Th>
                        <Table.Th>{t('common:schoolYear')}</Table.Th>
                        <Table.Th>{t('groupsColumn')}</Table.Th>
                        <Table.Th>{t('recognisedLevel')}</Table.Th>
                        <Table.Th>{t('decision')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {query.data.managed.map((r) => (
                        <Table.Tr key={`${r.unitId}-${r.campaignTitle}`}>
                          <Table.Td>
                            <Anchor component={Link} to={`/cong-khai/danh-gia/${r.unitId}`}>
                              {r.unitName}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{r.schoolYear}</Table.Td>
                          <Table.Td>
                            {r.groups.map((g) => (
                              <Text key={g.id} size="xs">
                                {t('group')} {g.id}: {formatPoints(g.total)} · {g.label}
                              </Text>
                            ))}
                          </Table.Td>
                          <Table.Td>
                            <Badge color={levelColor(r.level)}>{r.levelLabel}</Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">
                              {r.decisionNumber} ({formatDate(r.decidedOn)})
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
