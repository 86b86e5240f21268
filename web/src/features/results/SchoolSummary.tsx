import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LevelCount, useSchoolResultsSummary } from './api.ts';

const pct = (l: LevelCount) => `${l.count} (${String(l.percent).replace('.', ',')}%)`;

/** The school's results per grade (counts and percentages per level), for the principal's report. */
export function SchoolSummary({
  unitId,
  schoolYear,
  term,
}: {
  unitId: string;
  schoolYear: string;
  term: number;
}) {
  const { t } = useTranslation('results');
  const summary = useSchoolResultsSummary(unitId, schoolYear, term);
  const grades = summary.data?.grades ?? [];
  if (grades.length === 0) return null;
  return (
    <Card withBorder>
      <Text fw={500}>{t('schoolSummary')}</Text>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="school-summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grade')}</Table.Th>
              <Table.Th ta="right">{t('students')}</Table.Th>
              {(['excellent', 'good', 'pass', 'fail'] as const).map((l) => (
                <Table.Th key={`l${l}`}>
                  {t('learning')}: {t(`level.${l}`)}
                </Table.Th>
              ))}
              {(['excellent', 'good', 'pass', 'fail'] as const).map((l) => (
                <Table.Th key={`c${l}`}>
                  {t('conduct')}: {t(`level.${l}`)}
                </Table.Th>
              ))}
              {term === 0 && <Table.Th>{t('promotion')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grades.map((g) => (
              <Table.Tr key={g.grade}>
                <Table.Td>{g.grade}</Table.Td>
                <Table.Td ta="right">{g.students}</Table.Td>
                {g.learning.map((l) => (
                  <Table.Td key={`l${l.level}`}>{pct(l)}</Table.Td>
                ))}
                {g.conduct.map((l) => (
                  <Table.Td key={`c${l.level}`}>{pct(l)}</Table.Td>
                ))}
                {term === 0 && <Table.Td>{t('promotionCounts', g.promotion)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
