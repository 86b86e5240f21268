import { Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#contracts/audit.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { changeSummary, DiffTable } from './DiffTable.tsx';

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

/**
 * The change log on a phone: one card per change (what, who, when, old → new) instead of a seven-column table
 * that hides the change itself off-screen; tapping a card shows every changed field.
 */
export function ChangeCards({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('audit');
  const enums = useEnumLabels();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="xs" data-testid="audit-cards">
      {entries.map((e) => (
        <Card key={e.id} withBorder padding="xs" data-testid="audit-entry">
          <UnstyledButton onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              {open === e.id ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {enums.labelOr('auditEntity', e.entity)} — {enums.labelOr('auditAction', e.action)}
                </Text>
                <Text size="sm">{changeSummary(e, (n) => t('moreFields', { count: n }))}</Text>
                {e.context && (
                  <Text size="xs" c="gray.7">
                    {e.context}
                  </Text>
                )}
                <Text size="xs" c="gray.7">
                  {when(e.occurredAt)} · {e.actor ? e.actor.fullName : t('system')} · {e.unitName}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
          {open === e.id && (
            <Stack mt="xs">
              <DiffTable entry={e} />
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
