import { NumberInput, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALIFICATIONS } from '#contracts/staff.ts';
import type { StaffingTable } from '#contracts/staffing.ts';
import { labelOf } from '#contracts/staffing-groups.ts';
import { useEnumLabels } from '../../i18n/enums.ts';

type Counts = StaffingTable['total'];
/** Highest qualification first, as the statistics forms list them. */
const QUALIFICATION_COLUMNS = [...QUALIFICATIONS].reverse();

export function StaffingHead() {
  const { t } = useTranslation('staffing');
  const enums = useEnumLabels();
  const subColumns = [
    t('common:total'),
    t('official'),
    t('contract'),
    t('probation'),
    ...QUALIFICATION_COLUMNS.map((q) => enums.label('qualification', q)),
    t('unknownQualification'),
  ];
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th rowSpan={2} miw={200}>
          {t('group')}
        </Table.Th>
        <Table.Th rowSpan={2} ta="center">
          {t('quota')}
        </Table.Th>
        <Table.Th colSpan={4} ta="center">
          {t('current')}
        </Table.Th>
        {(['surplus', 'shortage'] as const).map((key) => (
          <Table.Th key={key} rowSpan={2} ta="center">
            {t(key)}
          </Table.Th>
        ))}
        <Table.Th colSpan={QUALIFICATION_COLUMNS.length + 1} ta="center">
          {t('qualifications')}
        </Table.Th>
      </Table.Tr>
      <Table.Tr>
        {subColumns.map((label) => (
          <Table.Th key={label} ta="center">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

export function SectionRows({
  total,
  rows,
  draft,
  onQuota,
}: {
  total: Counts;
  rows: StaffingTable['rows'];
  draft: Record<string, number | null> | null;
  onQuota: (group: string, quota: number | null) => void;
}) {
  return (
    <>
      <CountsRow label={total.label} counts={total} strong shaded />
      {rows.map((row) => (
        <CountsRow
          key={row.group}
          label={row.label}
          counts={row}
          indent
          quotaInput={
            draft && (
              <QuotaInput
                group={row.group}
                value={draft[row.group] ?? null}
                onChange={(q) => onQuota(row.group, q)}
              />
            )
          }
        />
      ))}
    </>
  );
}

export function QuotaInput({
  group,
  value,
  onChange,
}: {
  group: string;
  value: number | null;
  onChange: (quota: number | null) => void;
}) {
  const { t } = useTranslation('staffing');
  return (
    <NumberInput
      size="xs"
      w={80}
      min={0}
      allowDecimal={false}
      aria-label={t('quotaOf', { label: labelOf(group) })}
      value={value ?? ''}
      onChange={(v) => onChange(v === '' ? null : Number(v))}
    />
  );
}

export function CountsRow({
  label,
  counts,
  strong,
  shaded,
  indent,
  quotaInput,
}: {
  label: string;
  counts: Counts | null;
  strong?: boolean;
  shaded?: boolean;
  indent?: boolean;
  quotaInput?: ReactNode;
}) {
  const cell = (value: number | null | undefined) => <Table.Td ta="center">{value ?? '—'}</Table.Td>;
  return (
    <Table.Tr fw={strong ? 700 : undefined} bg={shaded ? 'var(--mantine-color-gray-0)' : undefined}>
      <Table.Td pl={indent ? 'lg' : undefined}>{label}</Table.Td>
      {quotaInput ? <Table.Td ta="center">{quotaInput}</Table.Td> : cell(counts?.quota)}
      {cell(counts?.current)}
      {cell(counts?.official)}
      {cell(counts?.contract)}
      {cell(counts?.probation)}
      {cell(counts?.surplus)}
      {cell(counts?.shortage)}
      {QUALIFICATION_COLUMNS.map((q) => (
        <Table.Td key={q} ta="center">
          {counts?.qualifications[q] ?? '—'}
        </Table.Td>
      ))}
      {cell(counts?.qualifications.unknown)}
    </Table.Tr>
  );
}
