import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconCalendarCheck,
  IconChecklist,
  IconHeartHandshake,
  IconTable,
  IconTableSpark,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useSubjects } from '../classes/api.ts';
import { type MyClasses, useMyClasses } from './api.ts';

/** "Lớp tôi dạy": a teacher's entry point — the class × subject grids they fill and their homeroom class. */
export default function MyClassesPage() {
  return (
    <RequirePermission permission="gradebook.enter">
      <Mine />
    </RequirePermission>
  );
}

function Mine() {
  const { t } = useTranslation('gradebook');
  const { unitId } = useWorkspace();
  const mine = useMyClasses(unitId);
  return (
    <Stack>
      <PageHeader
        title={t('mineTitle')}
        subtitle={mine.data?.schoolYear && t('mineSubtitle', { year: mine.data.schoolYear })}
      />
      {mine.error && <ErrorAlert error={mine.error} onRetry={() => mine.refetch()} />}
      {mine.isPending && <Loading />}
      {mine.data && (
        <>
          <Title order={3} size="h5">
            {t('teaching')}
          </Title>
          {mine.data.teaching.length === 0 && <Text c="dimmed">{t('noTeaching')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="my-teaching">
            {primaryClasses(mine.data.teaching).map((c) => (
              <Card key={c.classId} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={500}>
                    {t('primarySubjects', { className: c.className, subjects: c.subjects.join(', ') })}
                  </Text>
                  <PrimaryButton classId={c.classId} className={c.className} />
                </Group>
              </Card>
            ))}
            {mine.data.teaching
              .filter((a) => !isPrimary(a.grade))
              .map((a) => (
                <Card key={`${a.classId}-${a.subjectCode}`} withBorder padding="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={500}>
                      {t('classSubject', { className: a.className, subject: a.subjectName })}
                    </Text>
                    <Button
                      component={Link}
                      to={`/gradebook/classes/${a.classId}/subjects/${a.subjectCode}`}
                      size="xs"
                      leftSection={<IconTable size={14} />}
                      style={{ flexShrink: 0 }}
                    >
                      {t('openGrid')}
                    </Button>
                  </Group>
                </Card>
              ))}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('homeroom')}
          </Title>
          {mine.data.homeroom.length === 0 && <Text c="dimmed">{t('noHomeroom')}</Text>}
          {mine.data.homeroom.map((c) => (
            <HomeroomCard key={c.classId} cls={c} />
          ))}
        </>
      )}
    </Stack>
  );
}

/** Grades 1–5 are evaluated under TT27 (periodic evaluation), not with TT22's score grids, conduct or overview. */
const isPrimary = (grade: number) => grade <= 5;

/** A primary teacher's subjects grouped by class: one evaluation grid per class holds all its subjects. */
function primaryClasses(teaching: MyClasses['teaching']) {
  const byClass = new Map<string, { classId: string; className: string; subjects: string[] }>();
  for (const a of teaching.filter((x) => isPrimary(x.grade))) {
    const entry = byClass.get(a.classId) ?? { classId: a.classId, className: a.className, subjects: [] };
    entry.subjects.push(a.subjectName);
    byClass.set(a.classId, entry);
  }
  return [...byClass.values()];
}

function PrimaryButton({ classId, className }: { classId: string; className: string }) {
  const { t } = useTranslation('gradebook');
  return (
    <Button
      component={Link}
      to={`/results/classes/${classId}/primary`}
      size="xs"
      leftSection={<IconChecklist size={14} />}
      style={{ flexShrink: 0 }}
      data-testid={`primary-${className}`}
    >
      {t('primaryEvaluation')}
    </Button>
  );
}

/** The homeroom teacher's pages of a class (path segment = message key). */
const HOMEROOM_PAGES = [
  { page: 'attendance', Icon: IconCalendarCheck },
  { page: 'conduct', Icon: IconHeartHandshake },
  { page: 'overview', Icon: IconTableSpark },
] as const;

/**
 * A homeroom class and its pages. A primary class (TT27) has its periodic evaluation and attendance; TT22's conduct,
 * score overview and subject grids are for grades 6–12 only.
 */
function HomeroomCard({ cls }: { cls: MyClasses['homeroom'][number] }) {
  const primary = isPrimary(cls.grade);
  const pages = primary ? HOMEROOM_PAGES.filter((p) => p.page === 'attendance') : HOMEROOM_PAGES;
  const { t } = useTranslation('gradebook');
  const subjects = useSubjects(cls.grade);
  const navigate = useNavigate();
  const [subject, setSubject] = useState<string | null>(null);
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Anchor component={Link} to={`/classes/${cls.classId}`} fw={600}>
          {cls.className}
        </Anchor>
        <Group gap="xs">
          {primary && <PrimaryButton classId={cls.classId} className={cls.className} />}
          {pages.map(({ page, Icon }) => (
            <Button
              key={page}
              component={Link}
              to={`/gradebook/classes/${cls.classId}/${page}`}
              size="xs"
              variant="light"
              leftSection={<Icon size={14} />}
              data-testid={`${page}-${cls.className}`}
            >
              {t(page)}
            </Button>
          ))}
          {!primary && (
            <Select
              size="xs"
              placeholder={t('viewScores')}
              data={(subjects.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
              value={subject}
              onChange={(code) => {
                setSubject(code);
                if (code) void navigate(`/gradebook/classes/${cls.classId}/subjects/${code}`);
              }}
            />
          )}
        </Group>
      </Stack>
    </Card>
  );
}
