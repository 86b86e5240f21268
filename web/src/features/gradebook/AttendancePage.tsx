import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hourInVietnam, todayInVietnam } from '#domain/calendar/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Attendance, useAttendance, useSaveAttendance } from './api.ts';
import { LockBanner } from './LockBanner.tsx';

type Session = 'morning' | 'afternoon';
type Mark = 'excused' | 'unexcused' | null;
const NEXT: Record<string, Mark> = { null: 'excused', excused: 'unexcused', unexcused: null };
const COLOR: Record<string, string> = { excused: 'yellow', unexcused: 'red' };

/** Daily attendance on a phone: one tap per absent student, per session (buổi). */
export default function AttendancePage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation('gradebook');
  const [date, setDate] = useState(() => todayInVietnam());
  const [session, setSession] = useState<Session>(() => (hourInVietnam() < 12 ? 'morning' : 'afternoon'));
  const attendance = useAttendance(classId, date);
  return (
    <Stack maw={560} gap="sm">
      <PageHeader title={t('attendanceTitle', { className: attendance.data?.class.name ?? '' })} />
      <Group grow>
        <DateInput
          aria-label={t('date')}
          valueFormat="DD/MM/YYYY"
          value={date}
          maxDate={todayInVietnam()}
          onChange={(value) => value && setDate(String(value).slice(0, 10))}
        />
        <SegmentedControl
          value={session}
          onChange={(value) => setSession(value as Session)}
          data={[
            { value: 'morning', label: t('morning') },
            { value: 'afternoon', label: t('afternoon') },
          ]}
        />
      </Group>
      {attendance.error && <ErrorAlert error={attendance.error} onRetry={() => attendance.refetch()} />}
      {attendance.isPending && <Loading />}
      {attendance.data && <Roll key={`${date}-${session}`} data={attendance.data} session={session} />}
    </Stack>
  );
}

function Roll({ data, session }: { data: Attendance; session: Session }) {
  const { t } = useTranslation('gradebook');
  const save = useSaveAttendance(data.class.id);
  const initial = () => new Map(data.students.map((s) => [s.studentId, s[session] as Mark]));
  const [marks, setMarks] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset to the server's marks when they change
  useEffect(() => setMarks(initial()), [data]);
  const absent = [...marks.values()].filter(Boolean).length;
  return (
    <>
      <AttendanceLock data={data} />
      {data.canEdit && (
        <Text size="xs" c="dimmed">
          {t('tapHint')}
        </Text>
      )}
      <Stack gap={6} data-testid="attendance-list">
        {data.students.map((s, i) => {
          const mark = marks.get(s.studentId) ?? null;
          return (
            <UnstyledButton
              key={s.studentId}
              disabled={!data.canEdit}
              onClick={() => setMarks((m) => new Map(m).set(s.studentId, NEXT[String(mark)] ?? null))}
            >
              <Paper withBorder p="sm" bg={mark ? `var(--mantine-color-${COLOR[mark]}-light)` : undefined}>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={500}>
                      {i + 1}. {s.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('totals', s.totals)}
                    </Text>
                  </Stack>
                  <Badge color={mark ? COLOR[mark] : 'gray'} variant={mark ? 'filled' : 'light'}>
                    {t(mark ?? 'present')}
                  </Badge>
                </Group>
              </Paper>
            </UnstyledButton>
          );
        })}
      </Stack>
      {data.canEdit ? (
        <Paper pos="sticky" bottom={0} p="xs" withBorder shadow="sm">
          <Group justify="space-between">
            <Text size="sm">{t('absentCount', { count: absent })}</Text>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  {
                    date: data.date,
                    session,
                    absences: [...marks]
                      .filter(([, m]) => m)
                      .map(([studentId, m]) => ({ studentId, excused: m === 'excused' })),
                    // The marks this page loaded: the server refuses to overwrite a mark changed since (409).
                    base: data.students
                      .filter((x) => x[session])
                      .map((x) => ({ studentId: x.studentId, excused: x[session] === 'excused' })),
                  },
                  { onSuccess: () => notifySaved(t('attendanceSaved')), onError: notifyError },
                )
              }
            >
              {t('saveAttendance')}
            </Button>
          </Group>
        </Paper>
      ) : (
        data.lock.open && <Alert color="blue">{t('attendanceReadOnly')}</Alert>
      )}
    </>
  );
}

/**
 * The term lock of the date shown: read only while the term is locked, with the principal's unlock of the class's
 * conduct and attendance. Without a school-year calendar the server cannot name the date's term, so there is only
 * the message (it says to declare the calendar).
 */
function AttendanceLock({ data }: { data: Attendance }) {
  const { t } = useTranslation('gradebook');
  if (data.term === null) return data.lock.open ? null : <Alert color="yellow">{data.lock.message}</Alert>;
  return (
    <LockBanner
      lock={data.lock}
      canManage={data.canManage}
      target={{ classId: data.class.id, kind: 'homeroom', term: data.term }}
      title={t('unlockHomeroomTitle', { className: data.class.name, term: t(`term${data.term}`) })}
    />
  );
}
