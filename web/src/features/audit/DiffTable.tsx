import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#contracts/audit.ts';

/**
 * Old → new of an audited change in words (the server's audit-words.ts: Vietnamese field names, dd/mm/yyyy,
 * "7,5", enum labels). A creation has only "after", a deletion only "before".
 */
export function DiffTable({ entry }: { entry: Pick<AuditEntry, 'changes' | 'context'> }) {
  const { t } = useTranslation('audit');
  if (entry.changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {entry.context ?? t('noDiff')}
      </Text>
    );
  return (
    <>
      {entry.context && (
        <Text size="xs" mb={4}>
          {entry.context}
        </Text>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="audit-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field')}</Table.Th>
              <Table.Th>{t('before')}</Table.Th>
              <Table.Th>{t('after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.changes.map((c) => {
              const changed = c.before !== c.after;
              return (
                <Table.Tr key={c.field}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td
                    c={changed ? 'red.9' : undefined}
                    td={changed && c.after !== null ? 'line-through' : undefined}
                  >
                    {c.before ?? ''}
                  </Table.Td>
                  <Table.Td c={changed ? 'teal.9' : undefined} fw={changed ? 600 : undefined}>
                    {c.after ?? ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** One line for the list: «ĐĐGtx 2: 6,5 → 7,5» and how many more fields changed. */
export function changeSummary(entry: Pick<AuditEntry, 'changes'>, more: (n: number) => string): string {
  const [first, ...rest] = entry.changes;
  if (!first) return '';
  const line =
    first.before === null
      ? `${first.label}: ${first.after}`
      : first.after === null
        ? `${first.label}: ${first.before}`
        : `${first.label}: ${first.before} → ${first.after}`;
  return rest.length > 0 ? `${line} ${more(rest.length)}` : line;
}
