import { Table, Text, Tooltip } from '@mantine/core';
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
                  {preview.columns.map((c) => {
                    const message = errorsAt.get(`${row.rowNumber}:${c.header}`);
                    const cell = <Text size="sm">{row.values[c.key] || (message ? '∅' : '')}</Text>;
                    return (
                      <Table.Td
                        key={c.key}
                        bg={message ? 'red.1' : undefined}
                        data-error={message ? 'true' : undefined}
                      >
                        {message ? (
                          <Tooltip label={message} multiline w={280} withArrow>
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
