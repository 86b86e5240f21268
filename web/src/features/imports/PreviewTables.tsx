import { Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RowError } from './api.ts';

/** The browser stays quick with a few hundred table rows; the error list is always complete. */
const SHOWN_ROWS = 300;

/** Every error of the file: row, column, message. */
export function ErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation('imports');
  return (
    <Table.ScrollContainer minWidth={480} mah={360}>
      <Table striped withTableBorder data-testid="import-error-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('row')}</Table.Th>
            <Table.Th w={180}>{t('column')}</Table.Th>
            <Table.Th>{t('message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
              <Table.Td>{e.row ?? t('wholeFile')}</Table.Td>
              <Table.Td>{e.column ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c="red.8">
                  {e.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const OUTCOME_COLOR = { new: 'teal', changed: 'yellow', unchanged: 'gray' } as const;
const OUTCOME_LABEL = { new: 'rowNew', changed: 'rowChanged', unchanged: 'rowUnchanged' } as const;

/** Update mode: how many rows are new, changed and unchanged. */
export function OutcomeCounts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation('imports');
  return (
    <Group gap={6} data-testid="import-outcome-counts">
      <Badge color="teal" variant="light">
        {t('outcomeNew', { count: counts.created })}
      </Badge>
      <Badge color="yellow" variant="light">
        {t('outcomeChanged', { count: counts.changed })}
      </Badge>
      <Badge color="gray" variant="light">
        {t('outcomeUnchanged', { count: counts.unchanged })}
      </Badge>
    </Group>
  );
}

/** Update mode: each changed record (row, first column) with its changed fields, old → new. */
export function ChangeList({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  const changed = preview.rows.filter((r) => r.outcome === 'changed');
  const shown = changed.slice(0, SHOWN_ROWS);
  const nameKey = preview.columns[0]?.key ?? '';
  return (
    <Stack gap={6} data-testid="import-changes">
      <Text fw={600} size="sm">
        {t('changesTitle')}
      </Text>
      {changed.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('changesShown', { shown: shown.length, count: changed.length })}
        </Text>
      )}
      <Stack gap={6} mah={420} style={{ overflowY: 'auto' }}>
        {shown.map((row) => (
          <Paper key={row.rowNumber} withBorder p="xs">
            <Text size="sm" fw={500}>
              {t('row')} {row.rowNumber} · {row.values[nameKey]}
            </Text>
            {(row.changes ?? []).map((c) => (
              <Text key={c.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span c="dimmed" size="sm">
                  {c.header}:{' '}
                </Text>
                <Text span td="line-through" c="dimmed" size="sm">
                  {c.before || t('empty')}
                </Text>
                {' → '}
                <Text span fw={600} size="sm">
                  {c.after || t('empty')}
                </Text>
              </Text>
            ))}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** The rows as read, with cells at fault in red (the message on hover) and rows at fault marked. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  const errorsAt = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of preview.errors) {
      if (e.row === null) continue;
      const key = `${e.row}:${e.column ?? ''}`;
      map.set(key, map.has(key) ? `${map.get(key)} ${e.message}` : e.message);
    }
    return map;
  }, [preview.errors]);
  const rows = preview.rows.slice(0, SHOWN_ROWS);
  const upsert = preview.mode === 'upsert';
  if (rows.length === 0) return null;
  return (
    <>
      {preview.total > rows.length && (
        <Text size="xs" c="dimmed">
          {t('previewShown', { shown: rows.length, count: preview.total })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={900} mah={480}>
        <Table withTableBorder withColumnBorders stickyHeader data-testid="import-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('row')}</Table.Th>
              {upsert && <Table.Th style={{ minWidth: 110 }}>{t('outcome')}</Table.Th>}
              {preview.columns.map((c) => (
                <Table.Th key={c.key}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const rowError = errorsAt.get(`${row.rowNumber}:`);
              return (
                <Table.Tr key={row.rowNumber} bg={rowError ? 'red.0' : undefined}>
                  <Table.Td>{row.rowNumber}</Table.Td>
                  {upsert && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {row.outcome && (
                        <Badge size="sm" variant="light" color={OUTCOME_COLOR[row.outcome]}>
                          {t(OUTCOME_LABEL[row.outcome])}
                        </Badge>
                      )}
                    </Table.Td>
                  )}
                  {preview.columns.map((c) => {
                    const message = errorsAt.get(`${row.rowNumber}:${c.header}`);
                    // A changed cell is tinted, its old value on hover.
                    const change = row.changes?.find((x) => x.key === c.key);
                    const hint =
                      message ??
                      (change ? `${change.before || t('empty')} → ${change.after || t('empty')}` : undefined);
                    const cell = <Text size="sm">{row.values[c.key] || (message ? '∅' : '')}</Text>;
                    return (
                      <Table.Td
                        key={c.key}
                        bg={message ? 'red.1' : change ? 'yellow.1' : undefined}
                        data-error={message ? 'true' : undefined}
                        data-changed={change ? 'true' : undefined}
                      >
                        {hint ? (
                          <Tooltip label={hint} multiline w={280} withArrow>
                            {cell}
                          </Tooltip>
                        ) : (
                          cell
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
