import { Alert, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Level4, yearConduct } from '#domain/grading/index.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Conduct, useConduct, useSaveConduct } from './api.ts';
import { LockBanner } from './LockBanner.tsx';

/** Rèn luyện: the homeroom teacher sets each term's level with a comment; the year level follows (TT22 Điều 8). */
export default function ConductPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation('gradebook');
  const conduct = useConduct(classId);
  const [term, setTerm] = useState<1 | 2>(1);
  return (
    <Stack>
      <PageHeader title={t('conductTitle', { className: conduct.data?.class.name ?? '' })} />
      <SegmentedControl
        w="fit-content"
        value={String(term)}
        onChange={(value) => setTerm(value === '2' ? 2 : 1)}
        data={[
          { value: '1', label: t('term1') },
          { value: '2', label: t('term2') },
        ]}
      />
      {conduct.error && <ErrorAlert error={conduct.error} onRetry={() => conduct.refetch()} />}
      {conduct.isPending && <Loading />}
      {conduct.data && <ConductTable key={term} data={conduct.data} term={term} />}
    </Stack>
  );
}

type Entry = { level: Level4 | null; comment: string };

function ConductTable({ data, term }: { data: Conduct; term: 1 | 2 }) {
  const { t } = useTranslation('gradebook');
  const enums = useEnumLabels();
  const save = useSaveConduct(data.class.id);
  const key = term === 1 ? 'term1' : 'term2';
  const initial = () =>
    new Map<string, Entry>(
      data.students.map((s) => [
        s.studentId,
        { level: s[key]?.level ?? null, comment: s[key]?.comment ?? '' },
      ]),
    );
  const [entries, setEntries] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset to the server's values when they change
  useEffect(() => setEntries(initial()), [data]);
  const lock = data.lock[key];
  const editable = data.canEdit && lock.open;
  const update = (id: string, patch: Partial<Entry>) =>
    setEntries((m) => new Map(m).set(id, { ...(m.get(id) as Entry), ...patch }));
  return (
    <Stack>
      <LockBanner
        lock={lock}
        canManage={data.canManage}
        target={{ classId: data.class.id, kind: 'homeroom', term }}
        title={t('unlockHomeroomTitle', { className: data.class.name, term: t(key) })}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fullName')}</Table.Th>
              <Table.Th>{t('level')}</Table.Th>
              <Table.Th>{t('comment')}</Table.Th>
              <Table.Th>{t('year')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.students.map((s, i) => {
              const entry = entries.get(s.studentId) as Entry;
              const other = term === 1 ? s.term2?.level : s.term1?.level;
              const year =
                entry.level && other
                  ? yearConduct(term === 1 ? entry.level : other, term === 1 ? other : entry.level)
                  : null;
              return (
                <Table.Tr key={s.studentId}>
                  <Table.Td>
                    {i + 1}. {s.fullName}
                  </Table.Td>
                  <Table.Td miw={130}>
                    <Select
                      size="xs"
                      data={enums.options('level4')}
                      value={entry.level}
                      clearable
                      disabled={!editable}
                      aria-label={`${t('level')} ${s.fullName}`}
                      onChange={(value) => update(s.studentId, { level: value as Level4 | null })}
                    />
                  </Table.Td>
                  <Table.Td miw={220}>
                    <TextInput
                      size="xs"
                      value={entry.comment}
                      disabled={!editable}
                      onChange={(e) => update(s.studentId, { comment: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {year ? enums.label('level4', year) : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && <ErrorAlert error={save.error} />}
      {editable && (
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  term,
                  rows: [...entries].map(([studentId, e]) => ({
                    studentId,
                    level: e.level,
                    comment: e.comment.trim() || null,
                    // What this table loaded: the server refuses to overwrite a level changed since (409).
                    base: data.students.find((x) => x.studentId === studentId)?.[key] ?? null,
                  })),
                },
                { onSuccess: () => notifySaved(t('conductSaved')), onError: notifyError },
              )
            }
          >
            {t('saveConduct')}
          </Button>
        </Group>
      )}
      {!data.canEdit && <Alert color="blue">{t('conductReadOnly')}</Alert>}
    </Stack>
  );
}
