import { Badge, Card, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSubjects } from './api.ts';

/** Subjects of the class's grade, with periods per year and how TT22 assesses each (score or comments). */
export function SubjectsCard({ grade }: { grade: number }) {
  const { t } = useTranslation('classes');
  const subjects = useSubjects(grade);
  if (grade < 1) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('subjects', { grade })}
      </Title>
      {subjects.error && <ErrorAlert error={subjects.error} />}
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subject')}</Table.Th>
              <Table.Th ta="right">{t('periods')}</Table.Th>
              <Table.Th>{t('assessment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(subjects.data ?? []).map((s) => (
              <Table.Tr key={s.code}>
                <Table.Td>
                  {s.name}{' '}
                  {s.status !== 'compulsory' && (
                    <Badge size="xs" variant="outline">
                      {t(`status_${s.status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{s.periodsPerYear}</Table.Td>
                <Table.Td>
                  {s.assessment ? t(`assessment_${s.assessment}`) : t('assessment_primary')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
