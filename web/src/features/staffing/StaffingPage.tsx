import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDeviceFloppy, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownGroups, labelOf } from '#contracts/staffing-groups.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { foldedFilter } from '../staff/options.ts';
import { saveQuotas, staffingKey, useStaffingTable } from './api.ts';
import { CountsRow, QuotaInput, SectionRows, StaffingHead } from './StaffingRows.tsx';

export default function StaffingPage() {
  return (
    <RequirePermission permission="staff.read">
      <Staffing />
    </RequirePermission>
  );
}

function Staffing() {
  const { t } = useTranslation('staffing');
  const { unitId, schoolYear, can } = useWorkspace();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Record<string, number | null> | null>(null);
  const table = useStaffingTable(unitId, schoolYear);
  const save = useMutation({
    mutationFn: (quotas: Record<string, number | null>) => saveQuotas(unitId, schoolYear, quotas),
    onSuccess: (saved) => {
      client.setQueryData(staffingKey(unitId, schoolYear), saved);
      setDraft(null);
      notifySaved(t('common:saved'));
    },
  });
  const mayEdit = can('staff.write') || can('units.manage');
  if (!schoolYear) return <Text c="dimmed">{t('noYear')}</Text>;
  const rows = table.data?.rows ?? [];
  const extraGroups = draft ? Object.keys(draft).filter((g) => !rows.some((r) => r.group === g)) : [];
  const setQuota = (group: string, quota: number | null) => draft && setDraft({ ...draft, [group]: quota });
  const startEditing = () => setDraft(Object.fromEntries(rows.map((r) => [r.group, r.quota])));

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={table.data ? `${table.data.unitName} · ${t('subtitle', { year: schoolYear })}` : undefined}
        actions={
          mayEdit &&
          (draft ? (
            <Group gap="xs">
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('common:cancel')}
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                loading={save.isPending}
                onClick={() => save.mutate(draft)}
                data-testid="staffing-save"
              >
                {t('common:save')}
              </Button>
            </Group>
          ) : (
            <Button leftSection={<IconPencil size={16} />} onClick={startEditing} data-testid="staffing-edit">
              {t('editQuotas')}
            </Button>
          ))
        }
      />
      {(table.error || save.error) && <ErrorAlert error={table.error ?? save.error} />}
      {table.isPending && <Loading />}
      {draft && (
        <Select
          aria-label={t('addGroup')}
          placeholder={t('addGroup')}
          searchable
          filter={foldedFilter}
          value={null}
          data={knownGroups()
            .filter((g) => !(g in draft))
            .map((g) => ({ value: g, label: labelOf(g) }))}
          onChange={(g) => g && setDraft({ ...draft, [g]: 0 })}
          maw={420}
        />
      )}
      {table.data && (
        <Table.ScrollContainer minWidth={980}>
          <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="staffing-table">
            <StaffingHead />
            <Table.Tbody>
              {table.data.sections.map((section) => (
                <SectionRows
                  key={section.section}
                  total={section}
                  rows={rows.filter((r) => r.section === section.section)}
                  draft={draft}
                  onQuota={setQuota}
                />
              ))}
              {extraGroups.map((group) => (
                <CountsRow
                  key={group}
                  label={labelOf(group)}
                  counts={null}
                  quotaInput={
                    draft && (
                      <QuotaInput
                        group={group}
                        value={draft[group] ?? null}
                        onChange={(q) => setQuota(group, q)}
                      />
                    )
                  }
                />
              ))}
              <CountsRow label={table.data.total.label} counts={table.data.total} strong />
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
