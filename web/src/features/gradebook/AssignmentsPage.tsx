import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { ExcelButtons } from '../imports/ExcelButtons.tsx';
import {
  type AssignmentBoard,
  type Terms,
  useAssignmentBoard,
  useRelock,
  useSetAssignment,
  useSetTerm,
  useTerms,
} from './api.ts';
import classes from './gradebook.module.css';
import { UnlockModal } from './LockBanner.tsx';
import { TeacherSelect } from './TeacherSelect.tsx';

/** Phân công giảng dạy: classes × subjects, a teacher select per cell; below, deadlines and term locks. */
export default function AssignmentsPage() {
  return (
    <RequirePermission permission="gradebook.read">
      <Board />
    </RequirePermission>
  );
}

function Board() {
  const { t } = useTranslation('gradebook');
  const { unitId, schoolYear, can } = useWorkspace();
  const board = useAssignmentBoard(unitId, schoolYear);
  // The deadlines and locks below the matrix (shown to managers) are asked for beside it, not after it arrived.
  useTerms(unitId, schoolYear, Boolean(schoolYear) && can('gradebook.manage'));
  const setAssignment = useSetAssignment();
  const data = board.data;
  const teacherOptions = (data?.teachers ?? []).map((x) => ({ value: x.id, label: x.fullName }));
  const teacherOf = new Map(
    (data?.assignments ?? []).map((a) => [`${a.classId}:${a.subjectCode}`, a.teacherId]),
  );
  const topicsOf = new Map(
    (data?.assignments ?? []).map((a) => [`${a.classId}:${a.subjectCode}`, a.learningTopics]),
  );
  return (
    <Stack>
      <PageHeader
        title={t('assignmentsTitle')}
        subtitle={schoolYear && t('assignmentsSubtitle', { year: schoolYear })}
        actions={<ExcelButtons kind="teaching_assignments" importPermission="gradebook.manage" />}
      />
      {board.error && <ErrorAlert error={board.error} onRetry={() => board.refetch()} />}
      {board.isPending && <Loading />}
      {data && data.classes.length === 0 && <Text c="dimmed">{t('noClasses')}</Text>}
      {data && data.classes.length > 0 && (
        <Table.ScrollContainer minWidth={240 + 190 * data.subjects.length}>
          <Table withColumnBorders stickyHeader data-testid="assignment-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('className')}</Table.Th>
                {data.subjects.map((s) => (
                  <Table.Th key={s.code} title={s.name}>
                    {s.shortName}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.classes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>
                    <Anchor component={Link} to={`/gradebook/classes/${c.id}/overview`} title={t('overview')}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  {data.subjects.map((s) => {
                    const offered = c.subjects.find((x) => x.code === s.code);
                    if (!offered) {
                      return (
                        <Table.Td key={s.code}>
                          <Text size="xs" c="dimmed">
                            {t('notTaught')}
                          </Text>
                        </Table.Td>
                      );
                    }
                    return (
                      <Table.Td key={s.code} miw={180}>
                        <TeacherSelect
                          label={`${c.name} ${s.name}`}
                          placeholder={t('unassigned')}
                          options={teacherOptions}
                          value={teacherOf.get(`${c.id}:${s.code}`) ?? null}
                          disabled={!data.canManage}
                          onChange={(teacherId) =>
                            setAssignment.mutate(
                              { classId: c.id, subjectCode: s.code, teacherId },
                              { onSuccess: () => notifySaved(t('assignmentSaved')), onError: notifyError },
                            )
                          }
                        />
                        <div className={classes.periods}>{offered.periodsPerYear} tiết</div>
                        {/* Chuyên đề học tập: THPT scored subjects, once a teacher is assigned (TT22 Điều 6 khoản 2 b). */}
                        {c.grade >= 10 && s.kind === 'score' && teacherOf.has(`${c.id}:${s.code}`) && (
                          <Checkbox
                            size="xs"
                            mt={4}
                            label={t('learningTopics')}
                            checked={topicsOf.get(`${c.id}:${s.code}`) ?? false}
                            disabled={!data.canManage}
                            onChange={(event) =>
                              setAssignment.mutate(
                                {
                                  classId: c.id,
                                  subjectCode: s.code,
                                  teacherId: teacherOf.get(`${c.id}:${s.code}`) ?? null,
                                  learningTopics: event.currentTarget.checked,
                                },
                                { onSuccess: () => notifySaved(t('assignmentSaved')), onError: notifyError },
                              )
                            }
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data?.canManage && schoolYear && (
        <TermsPanel unitId={unitId} schoolYear={schoolYear} classes={data.classes} subjects={data.subjects} />
      )}
    </Stack>
  );
}

function TermsPanel({
  unitId,
  schoolYear,
  classes,
  subjects,
}: {
  unitId: string;
  schoolYear: string;
  classes: AssignmentBoard['classes'];
  subjects: AssignmentBoard['subjects'];
}) {
  const { t } = useTranslation('gradebook');
  const terms = useTerms(unitId, schoolYear);
  const relock = useRelock();
  const subjectName = new Map(subjects.map((s) => [s.code, s.shortName]));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('termsTitle')}
      </Title>
      {terms.error && <ErrorAlert error={terms.error} />}
      <Stack>
        {terms.data?.terms.map((term) => (
          <TermRow key={term.term} unitId={unitId} schoolYear={schoolYear} term={term} />
        ))}
        <HomeroomUnlock classes={classes} />
        {terms.data && terms.data.classLocks.length > 0 && (
          <Stack gap={4} data-testid="class-locks">
            <Text fw={500} size="sm">
              {t('classLocks')}
            </Text>
            {terms.data.classLocks.map((l) => (
              <Group key={`${l.classId}:${l.term}`} gap="xs">
                <Badge variant="light" color="gray">
                  {t('termN', { term: l.term })}
                </Badge>
                <Text size="sm">
                  {l.className} — {l.reason}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {terms.data && terms.data.unlocks.length > 0 && (
          <Stack gap={4}>
            <Text fw={500} size="sm">
              {t('activeUnlocks')}
            </Text>
            {terms.data.unlocks.map((u) => (
              <Group key={u.id} gap="xs">
                <Badge variant="light">{t('termN', { term: u.term })}</Badge>
                <Text size="sm">
                  {u.className} ·{' '}
                  {u.kind === 'homeroom'
                    ? t('homeroomRecords')
                    : (subjectName.get(u.subjectCode ?? '') ?? u.subjectCode)}{' '}
                  — {u.reason}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() =>
                    relock.mutate(u.id, { onSuccess: () => notifySaved(t('relocked')), onError: notifyError })
                  }
                >
                  {t('relock')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** "Mở khoá rèn luyện/điểm danh": reopens one class's conduct and attendance of a locked term, with a reason. */
function HomeroomUnlock({ classes }: { classes: AssignmentBoard['classes'] }) {
  const { t } = useTranslation('gradebook');
  const [opened, modal] = useDisclosure();
  const [classId, setClassId] = useState<string | null>(null);
  const [term, setTerm] = useState<string>('1');
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" leftSection={<IconLockOpen size={14} />} onClick={modal.open}>
        {t('unlockHomeroom')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('unlockHomeroomHint')}
      </Text>
      <UnlockModal
        opened={opened}
        onClose={modal.close}
        title={t('unlockHomeroom')}
        target={classId ? { classId, kind: 'homeroom', term: Number(term) } : null}
        fields={
          <>
            <Select
              label={t('className')}
              placeholder={t('chooseClass')}
              data={classes.map((c) => ({ value: c.id, label: c.name }))}
              value={classId}
              onChange={setClassId}
              searchable
            />
            <Select
              label={t('term')}
              data={[
                { value: '1', label: t('term1') },
                { value: '2', label: t('term2') },
              ]}
              value={term}
              onChange={(value) => setTerm(value ?? '1')}
              allowDeselect={false}
            />
          </>
        }
      />
    </Group>
  );
}

function TermRow({
  unitId,
  schoolYear,
  term,
}: {
  unitId: string;
  schoolYear: string;
  term: Terms['terms'][number];
}) {
  const { t } = useTranslation('gradebook');
  const setTerm = useSetTerm();
  const [deadline, setDeadline] = useState<string | null>(term.entryDeadline);
  const [locked, setLocked] = useState(term.locked);
  useEffect(() => {
    setDeadline(term.entryDeadline);
    setLocked(term.locked);
  }, [term]);
  return (
    <Group align="flex-end" gap="sm" data-testid={`term-${term.term}`}>
      <Text fw={600} w={90}>
        {t('termN', { term: term.term })}
      </Text>
      <DateInput
        label={t('deadline')}
        valueFormat="DD/MM/YYYY"
        value={deadline}
        onChange={(value) => setDeadline(value ? String(value).slice(0, 10) : null)}
        clearable
        w={170}
      />
      <Checkbox
        label={t('locked')}
        checked={locked}
        onChange={(e) => setLocked(e.currentTarget.checked)}
        mb={8}
      />
      <Button
        size="sm"
        loading={setTerm.isPending}
        onClick={() =>
          setTerm.mutate(
            { term: term.term, unitId, schoolYear, entryDeadline: deadline, locked },
            { onSuccess: () => notifySaved(t('termSaved')), onError: notifyError },
          )
        }
      >
        {t('saveTerm')}
      </Button>
    </Group>
  );
}
