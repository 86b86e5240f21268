import { Button, Card, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { useStudentPage } from '../students/api.ts';
import { formatDate } from '../students/labels.tsx';
import { type ClassDetail, useEnrolStudents } from './api.ts';

/** Finds attending students without a class this school year (diacritics optional) and adds the chosen ones. */
export function AddStudentsPanel({ cls }: { cls: ClassDetail }) {
  const { t } = useTranslation('classes');
  const { unitId } = useWorkspace();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 300);
  const [chosen, setChosen] = useState<string[]>([]);
  const candidates = useStudentPage(unitId, cls.schoolYear, {
    q: search,
    classId: 'none',
    status: 'active',
    page: 1,
    pageSize: 30,
  });
  const enrol = useEnrolStudents(cls.id);
  const add = () =>
    enrol.mutate(chosen, {
      onSuccess: () => {
        notifySaved(t('added'));
        setChosen([]);
      },
    });
  const items = candidates.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('addStudents')}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('addSearch')}
          placeholder={t('addSearchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-testid="enrol-search"
        />
        {candidates.error && <ErrorAlert error={candidates.error} />}
        {candidates.data && items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('noCandidates')}
          </Text>
        )}
        <Checkbox.Group value={chosen} onChange={setChosen}>
          <Stack gap={6}>
            {items.map((s) => (
              <Checkbox key={s.id} value={s.id} label={`${s.fullName} — ${formatDate(s.birthDate)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {enrol.error && <ErrorAlert error={enrol.error} />}
        <Button
          disabled={chosen.length === 0}
          loading={enrol.isPending}
          onClick={add}
          w="fit-content"
          data-testid="enrol-selected"
        >
          {t('addSelected', { count: chosen.length })}
        </Button>
      </Stack>
    </Card>
  );
}
