import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowsMove, IconGitMerge, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#contracts/units.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { UnitHistory } from './UnitHistory.tsx';

export type UnitAction = 'create' | 'edit' | 'move' | 'merge';

export function UnitBadges({ unit }: { unit: Unit }) {
  const enums = useEnumLabels();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="xs" variant="light" color={unit.category === 'school' ? 'teal' : 'blue'}>
        {unit.kindName}
      </Badge>
      {unit.level && (
        <Badge size="xs" variant="outline">
          {enums.label('schoolLevel', unit.level)}
        </Badge>
      )}
      <Text size="xs" c="dimmed" ff="monospace" visibleFrom="xs">
        {unit.code}
      </Text>
    </Group>
  );
}

export function UnitDetail({
  unit,
  canManage,
  isRoot,
  onAction,
}: {
  unit: Unit;
  canManage: boolean;
  isRoot: boolean;
  onAction: (action: UnitAction) => void;
}) {
  const { t } = useTranslation('units');
  const enums = useEnumLabels();
  const rows: [string, string | null][] = [
    [t('kind'), unit.kindName],
    [t('code'), unit.code],
    [
      t('level'),
      unit.level
        ? `${enums.label('schoolLevel', unit.level)} (${t('grades', { from: unit.gradeFrom, to: unit.gradeTo })})`
        : null,
    ],
    [
      t('address'),
      [unit.address, unit.commune, unit.district, unit.province].filter(Boolean).join(', ') || null,
    ],
    [t('phone'), unit.phone],
    [t('email'), unit.email],
    [t('status'), t(unit.status)],
  ];
  return (
    <Stack gap="sm">
      <Text fw={600}>{unit.name}</Text>
      <Table variant="vertical" withRowBorders={false} fz="sm">
        <Table.Tbody>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={120}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <UnitHistory unit={unit} />
      {canManage && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => onAction('edit')}
          >
            {t('common:edit')}
          </Button>
          {unit.category !== 'school' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onAction('create')}
              data-testid="unit-add-child"
            >
              {t('addChild')}
            </Button>
          )}
          {!isRoot && (
            <>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconArrowsMove size={14} />}
                onClick={() => onAction('move')}
              >
                {t('move')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconGitMerge size={14} />}
                onClick={() => onAction('merge')}
              >
                {t('merge')}
              </Button>
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
