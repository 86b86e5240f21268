import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../ui/notify.ts';
import { type StudentDetail, useUpdateStudent } from './api.ts';
import { ethnicityName, formatDate, StatusBadge } from './labels.tsx';

export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" withRowBorders={false} layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 130, sm: 200 }}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function GeneralCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  return (
    <Section title={t('sectionIdentity')}>
      <Facts
        rows={[
          [t('birthDate'), formatDate(student.birthDate)],
          [t('gender'), student.gender ? t(`common:${student.gender}`) : '—'],
          [t('className'), student.className ?? '—'],
          [t('moetStudentCode'), student.moetStudentCode ?? '—'],
          [t('birthPlace'), student.birthPlace ?? '—'],
          [t('registrationNumber'), student.registrationNumber ?? '—'],
          [t('common:unit'), student.unitName],
        ]}
      />
    </Section>
  );
}

export function SensitiveCard({ student, canConfirm }: { student: StudentDetail; canConfirm: boolean }) {
  const { t } = useTranslation('students');
  const update = useUpdateStudent(student.id);
  const s = student.sensitive;
  if (!s) {
    return (
      <Section title={t('sectionSensitive')}>
        <Text c="dimmed" size="sm">
          {t('sensitiveHidden')}
        </Text>
      </Section>
    );
  }
  return (
    <Section title={t('sectionSensitive')} testId="sensitive-card">
      <Stack gap="xs">
        {s.nationalIdWarnings.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('warningsTitle')}>
            <Stack gap={6}>
              {s.nationalIdWarnings.map((w) => (
                <Text size="sm" key={w.code}>
                  {w.message}
                </Text>
              ))}
              {canConfirm && (
                <Button
                  size="xs"
                  variant="light"
                  color="yellow"
                  w="fit-content"
                  loading={update.isPending}
                  onClick={() =>
                    update.mutate(
                      { nationalIdConfirmed: true },
                      { onSuccess: () => notifySaved(t('confirmed')) },
                    )
                  }
                >
                  {t('confirmNationalId')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Facts
          rows={[
            [t('nationalId'), s.nationalId ?? '—'],
            [t('ethnicity'), ethnicityName(s.ethnicity)],
            [t('address'), s.address ?? '—'],
            [t('disability'), s.disability ? t(`disability_${s.disability}`) : t('noDisability')],
            [
              t('poorHousehold'),
              s.poorHousehold
                ? t('poorHousehold')
                : s.nearPoorHousehold
                  ? t('nearPoorHousehold')
                  : t('common:no'),
            ],
            [
              t('policyFlags'),
              s.policyFlags.length ? (
                <Group gap={4} key="policy-flags">
                  {s.policyFlags.map((flag) => (
                    <Badge key={flag} variant="outline" size="sm">
                      {t(`policy_${flag}`)}
                    </Badge>
                  ))}
                </Group>
              ) : (
                '—'
              ),
            ],
          ]}
        />
      </Stack>
    </Section>
  );
}

export function HistoryCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  return (
    <Section title={t('sectionHistory')} testId="status-history">
      <Timeline bulletSize={14} lineWidth={2} active={student.statusHistory.length - 1}>
        {student.statusHistory.map((h) => (
          <Timeline.Item key={h.id} title={<StatusBadge status={h.status} />}>
            <Text size="sm">
              {formatDate(h.effectiveOn)}
              {h.reason ? ` — ${h.reason}` : ''}
            </Text>
            {h.recordedByName && (
              <Text size="xs" c="dimmed">
                {t('recordedBy')}: {h.recordedByName}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

export function ClassesCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  return (
    <Section title={t('sectionClasses')}>
      {student.enrolments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('noClass')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('schoolYear')}</Table.Th>
                <Table.Th>{t('className')}</Table.Th>
                <Table.Th>{t('enrolledOn')}</Table.Th>
                <Table.Th>{t('leftOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {student.enrolments.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.schoolYear}</Table.Td>
                  <Table.Td>{e.className}</Table.Td>
                  <Table.Td>{formatDate(e.enrolledOn)}</Table.Td>
                  <Table.Td>
                    {e.leftOn ? formatDate(e.leftOn) : <Badge variant="light">{t('current')}</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
