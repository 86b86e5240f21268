import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#contracts/units.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { foldedFilter } from '../staff/options.ts';
import { relocateUnit } from './api.ts';
import { subtreeIds } from './tree.ts';

/**
 * Moves a unit under another office, or merges it into another unit, from a given date (the parent history keeps
 * the old parent for earlier school years). Targets inside the unit's own subtree are not offered.
 */
export function RelocateForm({
  mode,
  unit,
  units,
  onDone,
}: {
  mode: 'move' | 'merge';
  unit: Unit;
  units: readonly Unit[];
  onDone: () => void;
}) {
  const { t } = useTranslation('units');
  const client = useQueryClient();
  const field = mode === 'move' ? 'parentId' : 'intoUnitId';
  const form = useForm({
    initialValues: {
      target: null as string | null,
      effectiveOn: new Date().toISOString().slice(0, 10),
      reason: '',
    },
    validate: { target: (v) => (v ? null : mode === 'move' ? t('newParent') : t('into')) },
  });
  const inside = subtreeIds(units, unit.id);
  const targets = units.filter(
    (u) =>
      !inside.has(u.id) &&
      u.status === 'active' &&
      (mode === 'move' ? u.category !== 'school' && u.id !== unit.parentId : u.category === unit.category),
  );
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      relocateUnit(unit.id, mode, {
        [field]: values.target,
        effectiveOn: values.effectiveOn,
        reason: values.reason || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['units'] });
      notifySaved(t('common:saved'));
      onDone();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const { [field]: target, ...rest } = error.fields;
      form.setErrors(target ? { ...rest, target } : rest);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        {mode === 'merge' && <Alert color="yellow">{t('mergeWarning', { name: unit.name })}</Alert>}
        <Select
          label={mode === 'move' ? t('newParent') : t('into')}
          required
          searchable
          filter={foldedFilter}
          data={targets.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="relocate-target"
          {...form.getInputProps('target')}
        />
        <DateInput
          label={t('effectiveOn')}
          valueFormat="DD/MM/YYYY"
          required
          {...form.getInputProps('effectiveOn')}
        />
        <TextInput label={t('reason')} {...form.getInputProps('reason')} />
        {save.error != null && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button type="submit" color={mode === 'merge' ? 'red' : undefined} loading={save.isPending}>
            {mode === 'move' ? t('move') : t('merge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
