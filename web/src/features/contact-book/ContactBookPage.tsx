import { Badge, Button, Card, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { vietnameseDate } from '#domain/calendar/index.ts';
import { formatAverage, formatScore, type Level4, PASS_FAIL_SHORT_VI } from '#domain/grading/index.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type ContactBook, useAcknowledge, useChildren, useContactBook } from './api.ts';

type Subject = ContactBook['subjects'][number];
type TermScores = Subject['terms'][number];

const when = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

/**
 * Sổ liên lạc, phone first: pick the child, then scores per subject and term as they are entered (with the
 * averages), attendance, term and year results, and the teachers' notes to acknowledge.
 */
export default function ContactBookPage() {
  const { t } = useTranslation('contactBook');
  const children = useChildren();
  // Links name the child (`?student=`, from the home page or an absence notice), the tab (`&tab=attendance`)
  // or a note (`?note=…`); the picker changes the child.
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | null>(params.get('student'));
  const studentId = chosen ?? children.data?.[0]?.id ?? null;
  const book = useContactBook(studentId);
  if (children.isPending) return <Loading />;
  if (children.error) return <ErrorAlert error={children.error} onRetry={() => children.refetch()} />;
  if (children.data.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Stack gap="sm">
      <PageHeader title={t('title')} />
      {children.data.length > 1 && (
        <Select
          label={t('child')}
          data={children.data.map((c) => ({
            value: c.id,
            label: `${c.fullName}${c.className ? ` — ${c.className}` : ''}`,
          }))}
          value={studentId}
          onChange={setChosen}
          allowDeselect={false}
          data-testid="child-picker"
        />
      )}
      {book.isPending && <Loading />}
      {book.error && <ErrorAlert error={book.error} onRetry={() => book.refetch()} />}
      {book.data && <Book book={book.data} key={book.data.student.id} tab={tabOf(params)} />}
    </Stack>
  );
}

const TABS = ['scores', 'attendance', 'results', 'notes'];
const tabOf = (params: URLSearchParams) =>
  params.get('note')
    ? 'notes'
    : TABS.includes(params.get('tab') ?? '')
      ? (params.get('tab') as string)
      : 'scores';

function Book({ book, tab }: { book: ContactBook; tab: string }) {
  const { t } = useTranslation('contactBook');
  const unread = book.notes.filter((n) => !n.acknowledgedAt).length;
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h4" data-testid="contact-book-student">
          {book.student.fullName}
        </Title>
        <Text size="sm" c="dimmed">
          {t('classLine', {
            className: book.student.className,
            unitName: book.student.unitName,
            year: book.student.schoolYear,
          })}
        </Text>
      </div>
      <Tabs defaultValue={tab} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="scores">{t('tabScores')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('tabAttendance')}</Tabs.Tab>
          <Tabs.Tab value="results">{t('tabResults')}</Tabs.Tab>
          <Tabs.Tab value="notes" data-testid="tab-notes">
            {unread > 0 ? `${t('tabNotes')} (${unread})` : t('tabNotes')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scores" pt="sm">
          <Scores subjects={book.subjects} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="sm">
          <Attendance absences={book.absences} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="sm">
          <Results results={book.results} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="sm">
          <Notes notes={book.notes} canAcknowledge={book.canAcknowledge} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Scores({ subjects }: { subjects: Subject[] }) {
  const { t } = useTranslation('contactBook');
  if (subjects.length === 0) return <Text c="dimmed">{t('noScores')}</Text>;
  return (
    <Stack gap="xs">
      {subjects.map((s) => (
        <Card key={s.code} withBorder padding="sm" data-testid={`subject-${s.code}`}>
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Text fw={600}>{s.name}</Text>
            {(s.yearAverage !== null || s.yearResult) && (
              <Badge variant="light" size="lg" data-testid="year-average">
                {t('year')}: {s.kind === 'comment' ? pf(s.yearResult) : avg(s.yearAverage)}
              </Badge>
            )}
          </Group>
          <Stack gap={6}>
            {s.terms.map((term) => (
              <TermLine key={term.term} kind={s.kind} term={term} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

const avg = (v: number | null) => (v === null ? '—' : formatAverage(v));
const pf = (v: 'pass' | 'fail' | null) => (v ? PASS_FAIL_SHORT_VI[v] : '—');
const score = (v: number | null) => (v === null ? '—' : formatScore(v));

function TermLine({ kind, term }: { kind: Subject['kind']; term: TermScores }) {
  const { t } = useTranslation('contactBook');
  const regular =
    kind === 'comment' ? term.regularResults.map((r) => pf(r)) : term.regular.map((r) => score(r));
  const midterm = kind === 'comment' ? pf(term.midtermResult) : score(term.midterm);
  const final = kind === 'comment' ? pf(term.finalResult) : score(term.final);
  return (
    <div data-testid={`term-${term.term}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500}>
          {term.term === 1 ? t('term1') : t('term2')}
        </Text>
        <TermAverage kind={kind} term={term} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('regular')}: {regular.length ? regular.join(' · ') : '—'} | {t('midterm')}: {midterm} |{' '}
        {t('final')}: {final}
      </Text>
      {term.missing && (
        <Text size="xs" c="dimmed" data-testid="term-missing">
          {term.missing}
        </Text>
      )}
      {term.comment && (
        <Text size="sm" fs="italic">
          {t('teacherComment')}: {term.comment}
        </Text>
      )}
    </div>
  );
}

/**
 * The stored ĐTBmhk when there is one, else the one computed from the scores entered so far; either is marked
 * "tạm tính" until the school closes the term, and an incomplete term says what is missing instead of a number.
 */
function TermAverage({ kind, term }: { kind: Subject['kind']; term: TermScores }) {
  const { t } = useTranslation('contactBook');
  const stored = kind === 'comment' ? term.termResult : term.termAverage;
  const provisional = kind === 'comment' ? term.provisionalResult : term.provisionalAverage;
  const value = stored ?? provisional;
  if (value === null) {
    return (
      <Badge color="gray" variant="light" title={term.missing ?? undefined} data-testid="term-incomplete">
        {t('incomplete')}
      </Badge>
    );
  }
  const shown = typeof value === 'number' ? avg(value) : pf(value);
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" fw={600} data-testid="term-average">
        {t('termAverage')}: {shown}
      </Text>
      {!term.closed && (
        <Badge color="yellow" variant="light" size="sm" data-testid="provisional">
          {t('provisional')}
        </Badge>
      )}
    </Group>
  );
}

function Attendance({ absences }: { absences: ContactBook['absences'] }) {
  const { t } = useTranslation('contactBook');
  const excused = absences.filter((a) => a.excused).length;
  if (absences.length === 0) return <Text c="dimmed">{t('noAbsences')}</Text>;
  return (
    <Stack gap="xs">
      <Text fw={500}>
        {t('absences', { total: absences.length, excused, unexcused: absences.length - excused })}
      </Text>
      {absences.map((a) => (
        <Group key={`${a.date}-${a.session}`} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {vietnameseDate(a.date)} · {t(a.session)}
            {a.note ? ` — ${a.note}` : ''}
          </Text>
          <Badge color={a.excused ? 'gray' : 'red'} variant="light">
            {a.excused ? t('excused') : t('unexcused')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

function Results({ results }: { results: ContactBook['results'] }) {
  const { t } = useTranslation('contactBook');
  const label = (term: number) => (term === 1 ? t('term1') : term === 2 ? t('term2') : t('year'));
  const enums = useEnumLabels();
  const level = (v: Level4 | null) => (v ? enums.label('level4', v) : t('notYet'));
  const year = results.find((r) => r.term === 0);
  return (
    <Stack gap="xs">
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('learning')}</Table.Th>
            <Table.Th>{t('conduct')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.map((r) => (
            <Table.Tr key={r.term}>
              <Table.Td>{label(r.term)}</Table.Td>
              <Table.Td>{level(r.learning)}</Table.Td>
              <Table.Td>{level(r.conduct)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {year?.award && (
        <Text size="sm">
          {t('award')}: {enums.label('award', year.award)}
        </Text>
      )}
      {year?.promotion && (
        <Text size="sm">
          {t('promotion')}: {enums.label('promotion', year.promotion)}
        </Text>
      )}
      {year?.homeroomComment && (
        <Text size="sm">
          {t('homeroomComment')}: {year.homeroomComment}
        </Text>
      )}
    </Stack>
  );
}

function Notes({ notes, canAcknowledge }: { notes: ContactBook['notes']; canAcknowledge: boolean }) {
  const { t } = useTranslation('contactBook');
  const acknowledge = useAcknowledge();
  if (notes.length === 0) return <Text c="dimmed">{t('noNotes')}</Text>;
  return (
    <Stack gap="xs">
      {notes.map((n) => (
        <Card key={n.id} withBorder padding="sm" data-testid="class-note">
          <Text fw={600}>{n.title}</Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('by', { name: n.authorName ?? '', time: when(n.createdAt) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.body}
          </Text>
          {n.acknowledgedAt ? (
            <Badge
              mt="xs"
              color="teal"
              variant="light"
              leftSection={<IconCheck size={12} />}
              data-testid="acknowledged"
            >
              {t('acknowledged', { time: when(n.acknowledgedAt) })}
            </Badge>
          ) : (
            canAcknowledge && (
              <Button
                mt="xs"
                fullWidth
                loading={acknowledge.isPending}
                data-testid="acknowledge"
                onClick={() =>
                  acknowledge.mutate(n.id, {
                    onSuccess: () => notifySaved(t('acknowledgedToast')),
                    onError: notifyError,
                  })
                }
              >
                {t('acknowledge')}
              </Button>
            )
          )}
        </Card>
      ))}
    </Stack>
  );
}
