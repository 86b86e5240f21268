import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useChildren } from '../contact-book/api.ts';
import { TranscriptVersions } from './TranscriptVersions.tsx';

/** The approved học bạ of the caller's children (or of the student themself), with a PDF per year. */
export default function MyTranscriptsPage() {
  const { t } = useTranslation('transcripts');
  const children = useChildren();
  const [chosen, setChosen] = useState<string | null>(null);
  if (children.isPending) return <Loading />;
  if (children.error) return <ErrorAlert error={children.error} onRetry={() => children.refetch()} />;
  const studentId = chosen ?? children.data[0]?.id ?? null;
  return (
    <Stack gap="sm">
      <PageHeader title={t('mineTitle')} subtitle={t('mineHint')} />
      {children.data.length === 0 && <Text c="dimmed">{t('noChildren')}</Text>}
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
      {studentId && <TranscriptVersions studentId={studentId} emptyText={t('mineEmpty')} />}
    </Stack>
  );
}
