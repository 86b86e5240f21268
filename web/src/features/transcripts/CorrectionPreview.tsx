import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValueChange } from '#contracts/transcripts.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useCorrectionPreview } from './api.ts';

/**
 * Before a correction is confirmed: the scores that differ from the approved version and every value the rules
 * derive from them (Cả năm, learning result, award, promotion), before and after (issue 11 §2).
 */
export function CorrectionPreview({ transcriptId }: { transcriptId: string | null }) {
  const { t } = useTranslation('transcripts');
  const preview = useCorrectionPreview(transcriptId);
  if (preview.isLoading) return <Loading />;
  if (preview.error) return <ErrorAlert error={preview.error} />;
  const data = preview.data;
  if (!data) return null;
  const changed = data.derived.filter((c) => c.changed);
  const unchanged = data.derived.length - changed.length;
  return (
    <Stack gap="xs" data-testid="correction-preview">
      <Title order={5}>{t('previewTitle')}</Title>
      <Text size="sm" fw={500}>
        {t('previewInputs')}
      </Text>
      {data.inputs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('previewNoInputs')}
        </Text>
      ) : (
        <Changes rows={data.inputs} />
      )}
      <Text size="sm" fw={500}>
        {t('previewDerived')}
      </Text>
      {changed.length > 0 && <Changes rows={changed} />}
      {unchanged > 0 && (
        <Text size="xs" c="dimmed">
          {t('previewUnchanged', { count: unchanged })}
        </Text>
      )}
      {data.missing.length > 0 && (
        <Alert color="yellow">{t('previewMissing', { missing: data.missing.join('; ') })}</Alert>
      )}
    </Stack>
  );
}

function Changes({ rows }: { rows: readonly ValueChange[] }) {
  const { t } = useTranslation('transcripts');
  return (
    <Table fz="sm" withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('item')}</Table.Th>
          <Table.Th>{t('before')}</Table.Th>
          <Table.Th>{t('after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.item}>
            <Table.Td>{r.item}</Table.Td>
            <Table.Td>{r.before ?? '—'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color="orange" radius="sm" tt="none">
                {r.after ?? '—'}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
