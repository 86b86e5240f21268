import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { vietnameseDate } from '#domain/calendar/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { type FamilyHome as Summary, useFamilyHome } from './api.ts';

type Score = Summary['children'][number]['latestScores'][number];

const number = (n: number | null) => (n === null ? '–' : n.toLocaleString('vi-VN'));
const mark = (m: string | null) => (m === null ? '–' : m === 'pass' ? 'Đ' : 'CĐ');

/** One subject's marks in one line: "TX 8; 7 · GK 7 · CK 8" (scores) or with Đ/CĐ (comment subjects). */
function scoreLine(s: Score): string {
  const comment = s.regular.length === 0 && s.regularResults.length > 0;
  const regular = comment ? s.regularResults.map(mark) : s.regular.map(number);
  const midterm = comment ? mark(s.midtermResult) : number(s.midterm);
  const final = comment ? mark(s.finalResult) : number(s.final);
  return `TX ${regular.join('; ') || '–'} · GK ${midterm} · CK ${final}`;
}

/** A guardian's page: each child with the latest scores, absences and unread notes; a tap opens the contact book. */
export function FamilyHome() {
  const { t } = useTranslation('home');
  const home = useFamilyHome(true);
  if (home.isPending) return <Loading />;
  if (home.error) return <ErrorAlert error={home.error} onRetry={() => home.refetch()} />;
  if (home.data.children.length === 0) return <Text c="gray.7">{t('noChildren')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {home.data.children.map((c) => (
        <UnstyledButton
          key={c.studentId}
          component={Link}
          to={`/contact-book?student=${c.studentId}`}
          data-testid="home-child"
          // Named by its visible text (the child's name first): an aria-label that leaves out what is shown
          // breaks speech control (WCAG 2.5.3, axe label-content-name-mismatch). The chevron says "open".
        >
          <Card withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" mb={6}>
              <div>
                <Title order={3} size="h5">
                  {c.fullName}
                </Title>
                <Text size="sm" c="gray.7">
                  {[c.className && t('className', { name: c.className }), c.unitName]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <IconChevronRight size={20} aria-hidden />
            </Group>
            <Group gap={6} mb={6}>
              <Badge
                color={c.unreadNotes > 0 ? 'red' : 'gray'}
                variant="light"
                data-testid="home-child-unread"
              >
                {t('unreadNotes', { count: c.unreadNotes })}
              </Badge>
              <Badge
                color={c.absences.unexcused > 0 ? 'orange' : 'gray'}
                variant="light"
                data-testid="home-child-absences"
              >
                {t('absences', { excused: c.absences.excused, unexcused: c.absences.unexcused })}
              </Badge>
            </Group>
            {c.absences.last && (
              <Text size="xs" c="gray.7" mb={4}>
                {t('lastAbsence', { date: vietnameseDate(c.absences.last) })}
              </Text>
            )}
            <Stack gap={2}>
              {c.latestScores.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('noScores')}
                </Text>
              )}
              {c.latestScores.map((s) => (
                <Group key={`${s.subjectCode}-${s.term}`} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={500}>
                    {s.subjectName}
                  </Text>
                  <Text size="sm" ta="right" data-testid={`home-score-${s.subjectCode}`}>
                    {scoreLine(s)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
