import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Before/after of an audited change, field by field; changed fields are highlighted. A creation has only "after",
 * a deletion only "before"; a value that is not an object is shown as one row.
 */
export function DiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('audit');
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { '': before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { '': after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (fields.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noDiff')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field')}</Table.Th>
            <Table.Th>{t('before')}</Table.Th>
            <Table.Th>{t('after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => {
            const changed = JSON.stringify(b[field]) !== JSON.stringify(a[field]);
            return (
              <Table.Tr key={field}>
                <Table.Td ff="monospace">{field}</Table.Td>
                <Table.Td
                  c={changed ? 'red.8' : undefined}
                  td={changed && field in a ? 'line-through' : undefined}
                >
                  {field in b ? show(b[field]) : ''}
                </Table.Td>
                <Table.Td c={changed ? 'teal.8' : undefined} fw={changed ? 600 : undefined}>
                  {field in a ? show(a[field]) : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
