import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useTeacherHome } from './api.ts';

// Light badges' own text shades fail AA contrast on their tint (orange 9 is 3.6:1): teal 9 passes, the warning
// badges use dark text on the orange tint.
const TEAL_TEXT = 'var(--mantine-color-teal-9)';
const ORANGE_TEXT = 'var(--mantine-color-dark-7)';

/** A teacher's day: my classes (homeroom first) with the empty cells of each grid, and notes not yet read. */
export function TeacherHome({ unitId, schoolYear }: { unitId: string; schoolYear: string | null }) {
  const { t } = useTranslation('home');
  const home = useTeacherHome(unitId, schoolYear, true);
  if (home.isPending) return <Loading />;
  if (home.error) return <ErrorAlert error={home.error} onRetry={() => home.refetch()} />;
  const d = home.data;
  const term = d.term?.term ?? 1;
  const missing = d.classes.reduce((sum, c) => sum + c.subjects.reduce((s, x) => s + x.missingCells, 0), 0);
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="home-teacher-summary">
        {t('teacherSummary', { classes: d.classes.length, missing, term: term === 1 ? 'I' : 'II' })}
      </Text>
      {d.classes.length === 0 && <Text c="gray.7">{t('noClasses')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {d.classes.map((c) => (
          <Card key={c.classId} withBorder padding="sm" data-testid={`home-class-${c.className}`}>
            <Group justify="space-between" mb={6} wrap="nowrap">
              <Title order={3} size="h5">
                {t('className', { name: c.className })}
              </Title>
              {c.homeroom && <Badge variant="light">{t('homeroom')}</Badge>}
            </Group>
            {c.homeroom && (
              <Group justify="space-between" mb={6} wrap="nowrap">
                <Badge
                  color={c.attendanceTaken ? 'teal' : 'orange'}
                  styles={{
                    label: { color: c.attendanceTaken ? TEAL_TEXT : ORANGE_TEXT },
                  }}
                  variant="light"
                >
                  {t(c.attendanceTaken ? 'registerDone' : 'registerTodo')}
                </Badge>
                <Button
                  component={Link}
                  to={`/gradebook/classes/${c.classId}/attendance`}
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconCalendarCheck size={16} />}
                >
                  {t('takeRegister')}
                </Button>
              </Group>
            )}
            <Stack gap={4}>
              {c.subjects.map((s) => (
                <Group key={s.subjectCode} justify="space-between" wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/gradebook/classes/${c.classId}/subjects/${s.subjectCode}?term=${term}`}
                    size="sm"
                  >
                    {s.subjectName}
                  </Anchor>
                  <Text
                    size="sm"
                    fw={600}
                    c={s.missingCells > 0 ? 'red.8' : 'teal.9'}
                    data-testid={`home-missing-${c.className}-${s.subjectCode}`}
                  >
                    {s.missingCells > 0 ? t('cellsMissing', { count: s.missingCells }) : t('cellsDone')}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Group justify="space-between" mb={6}>
          <Title order={3} size="h5">
            {t('notesTitle')}
          </Title>
          <Button
            component={Link}
            to="/class-notes"
            size="compact-sm"
            variant="light"
            leftSection={<IconMessage size={16} />}
          >
            {t('writeNote')}
          </Button>
        </Group>
        {d.notes.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('noNotes')}
          </Text>
        )}
        <Stack gap={4}>
          {d.notes.map((n) => (
            <Group key={n.id} justify="space-between" wrap="nowrap" data-testid="home-note">
              <Anchor component={Link} to={`/class-notes?class=${n.classId}`} size="sm" lineClamp={1}>
                {n.className}: {n.title}
              </Anchor>
              <Badge
                color={n.acknowledged === n.recipients ? 'teal' : 'orange'}
                styles={{
                  label: {
                    color: n.acknowledged === n.recipients ? TEAL_TEXT : ORANGE_TEXT,
                  },
                }}
                variant="light"
                style={{ flexShrink: 0 }}
              >
                {t('unreadOf', { unread: n.recipients - n.acknowledged, total: n.recipients })}
              </Badge>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
