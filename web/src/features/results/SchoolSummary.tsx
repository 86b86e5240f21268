import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LevelCount, type PrimarySummary, useSchoolResultsSummary } from './api.ts';

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
  const summary = useSchoolResultsSummary(unitId, schoolYear, term);
  const all = summary.data?.grades ?? [];
  // Grades 1–5 are summed up with TT27's outcomes (the year) and never with TT22's learning and conduct levels.
  const grades = all.filter((g) => g.grade >= 6);
  const primary = all.flatMap((g) =>
    g.grade <= 5 && g.primary ? [{ grade: g.grade, summary: g.primary }] : [],
  );
  if (grades.length === 0 && primary.length === 0) return null;
  return (
    <>
      {primary.length > 0 && <PrimaryGrades grades={primary} />}
      {grades.length > 0 && <SecondaryGrades grades={grades} term={term} />}
    </>
  );
}

type Grades = NonNullable<ReturnType<typeof useSchoolResultsSummary>['data']>['grades'];

/** Primary grades, the year (TT27 Điều 9): pupils per outcome, each row adding up to the grade's pupils. */
function PrimaryGrades({ grades }: { grades: { grade: number; summary: PrimarySummary }[] }) {
  const { t } = useTranslation('results');
  const outcomes = grades[0]?.summary.outcomes.map((o) => o.outcome) ?? [];
  return (
    <Card withBorder>
      <Text fw={500}>{t('pg.schoolSummary')}</Text>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="school-summary-primary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grade')}</Table.Th>
              <Table.Th ta="right">{t('students')}</Table.Th>
              {outcomes.map((o) => (
                <Table.Th key={o}>
                  {o === 'not_evaluated' ? t('pg.notEvaluated') : t(`primary.${o}`)}
                </Table.Th>
              ))}
              <Table.Th>{t('award')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grades.map((g) => (
              <Table.Tr key={g.grade}>
                <Table.Td>{g.grade}</Table.Td>
                <Table.Td ta="right">{g.summary.students}</Table.Td>
                {g.summary.outcomes.map((o) => (
                  <Table.Td key={o.outcome}>
                    {o.count} ({String(o.percent).replace('.', ',')}%)
                  </Table.Td>
                ))}
                <Table.Td>{t('pg.awardsShort', g.summary.awards)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function SecondaryGrades({ grades, term }: { grades: Grades; term: number }) {
  const { t } = useTranslation('results');
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
