import { ActionIcon, Alert, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessage, IconMessagePlus } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Level4, yearConduct } from '#domain/grading/index.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { type Conduct, useConduct, useSaveConduct } from './api.ts';
import classes from './gradebook.module.css';
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

const sameEntry = (a: Entry, b: Entry) => a.level === b.level && a.comment.trim() === b.comment.trim();

/**
 * One term's levels. On a phone each student is one compact row (number and name, the level's select); the comment
 * opens under the row on demand and the year level is written under the name, so 45 students fit in about two
 * screens and the save bar stays at the bottom of the screen.
 */
function ConductTable({ data, term }: { data: Conduct; term: 1 | 2 }) {
  const { t } = useTranslation('gradebook');
  const enums = useEnumLabels();
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const save = useSaveConduct(data.class.id);
  const key = term === 1 ? 'term1' : 'term2';
  const initial = () =>
    new Map<string, Entry>(
      data.students.map((s) => [
        s.studentId,
        { level: s[key]?.level ?? null, comment: s[key]?.comment ?? '' },
      ]),
    );
  const [loaded, setLoaded] = useState(initial);
  const [entries, setEntries] = useState(initial);
  const [openComments, setOpenComments] = useState<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset to the server's values when they change
  useEffect(() => {
    setEntries(initial());
    setLoaded(initial());
  }, [data]);
  const lock = data.lock[key];
  const editable = data.canEdit && lock.open;
  const update = (id: string, patch: Partial<Entry>) =>
    setEntries((m) => new Map(m).set(id, { ...(m.get(id) as Entry), ...patch }));
  const toggleComment = (id: string) =>
    setOpenComments((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const unsaved = [...entries].filter(([id, e]) => {
    const was = loaded.get(id);
    return !was || !sameEntry(e, was);
  }).length;
  const onSave = () =>
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
    );
  return (
    <Stack>
      <LockBanner
        lock={lock}
        canManage={data.canManage}
        target={{ classId: data.class.id, kind: 'homeroom', term }}
        title={t('unlockHomeroomTitle', { className: data.class.name, term: t(key) })}
      />
      <Table.ScrollContainer minWidth={phone ? 0 : 560}>
        <Table striped={!phone} verticalSpacing={phone ? 4 : 'xs'} data-testid="conduct-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fullName')}</Table.Th>
              <Table.Th>{t('level')}</Table.Th>
              {!phone && <Table.Th>{t('comment')}</Table.Th>}
              {!phone && <Table.Th>{t('year')}</Table.Th>}
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
              const yearText = year ? enums.label('level4', year) : '—';
              const commentInput = (
                <TextInput
                  size="xs"
                  value={entry.comment}
                  disabled={!editable}
                  aria-label={t('commentOf', { name: s.fullName })}
                  onChange={(e) => update(s.studentId, { comment: e.currentTarget.value })}
                />
              );
              const commentOpen = phone && openComments.has(s.studentId);
              return (
                <Fragment key={s.studentId}>
                  <Table.Tr>
                    <Table.Td>
                      {phone ? (
                        <div className={classes.conductName}>
                          <Text size="sm" lh={1.25}>
                            {i + 1}. {s.fullName}
                          </Text>
                          {(other || entry.comment.trim()) && (
                            <Text size="xs" c="dimmed" lh={1.2} truncate>
                              {other ? `${t('year')}: ${yearText}` : ''}
                              {other && entry.comment.trim() ? ' · ' : ''}
                              {entry.comment.trim()}
                            </Text>
                          )}
                        </div>
                      ) : (
                        `${i + 1}. ${s.fullName}`
                      )}
                    </Table.Td>
                    <Table.Td w={phone ? 156 : undefined} miw={phone ? undefined : 130}>
                      <div className={classes.conductLevel}>
                        <Select
                          size="xs"
                          data={enums.options('level4')}
                          value={entry.level}
                          clearable={!phone}
                          disabled={!editable}
                          aria-label={`${t('level')} ${s.fullName}`}
                          onChange={(value) => update(s.studentId, { level: value as Level4 | null })}
                        />
                        {phone && editable && (
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('editComment', { name: s.fullName })}
                            aria-expanded={commentOpen}
                            onClick={() => toggleComment(s.studentId)}
                          >
                            {entry.comment.trim() ? <IconMessage size={18} /> : <IconMessagePlus size={18} />}
                          </ActionIcon>
                        )}
                      </div>
                    </Table.Td>
                    {!phone && <Table.Td miw={220}>{commentInput}</Table.Td>}
                    {!phone && (
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {yearText}
                        </Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {commentOpen && (
                    <Table.Tr>
                      <Table.Td colSpan={2}>{commentInput}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && <ErrorAlert error={save.error} />}
      {editable && (
        <SaveBar
          status={t('unsavedStudents', { count: unsaved })}
          reason={unsaved === 0 ? t('nothingToSaveConduct') : null}
          label={t('saveConduct')}
          onSave={onSave}
          loading={save.isPending}
          testId="save-conduct"
        />
      )}
      {!data.canEdit && <Alert color="blue">{t('conductReadOnly')}</Alert>}
    </Stack>
  );
}
