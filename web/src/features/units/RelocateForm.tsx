import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#contracts/units.ts';
import { todayInVietnam } from '#domain/calendar/index.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { foldedFilter } from '../staff/options.ts';
import { relocateUnit, useRelocationPreview } from './api.ts';
import { RelocationPreview } from './RelocationPreview.tsx';
import { subtreeIds } from './tree.ts';

/**
 * Moves a unit under another office, or merges it into another unit, on a decision. Choosing the target loads the
 * preview (who and what goes across, what stays, what blocks it); the decision number and date are required and the
 * user confirms having read the preview. The server refuses (409) when the unit changed since the preview.
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
  const today = todayInVietnam();
  const form = useForm({
    initialValues: {
      target: null as string | null,
      decisionNumber: '',
      decisionDate: today,
      effectiveOn: today,
      reason: '',
      keepRoles: [] as string[],
      confirmed: false,
    },
    validate: {
      target: (v) => (v ? null : mode === 'move' ? t('newParent') : t('into')),
      decisionNumber: (v) => (v.trim() ? null : t('decisionNumberRequired')),
      confirmed: (v) => (v ? null : t('confirmRequired')),
    },
  });
  const preview = useRelocationPreview(unit.id, mode, form.values.target);
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
        decisionNumber: values.decisionNumber,
        decisionDate: values.decisionDate,
        effectiveOn: values.effectiveOn,
        reason: values.reason || undefined,
        ...(mode === 'merge' ? { keepRoles: values.keepRoles } : {}),
        expectedState: preview.data?.expectedState,
      }),
    onSuccess: () => {
      const p = preview.data;
      void client.invalidateQueries({ queryKey: ['units'] });
      notifySaved(
        t(mode === 'move' ? 'movedToast' : 'mergedToast', {
          name: unit.name,
          target: p?.target.name ?? '',
          students: p?.students.count ?? 0,
          staff: p?.staff.count ?? 0,
          classes: p?.classes.count ?? 0,
          accounts: p?.accounts.count ?? 0,
        }),
      );
      onDone();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409) void preview.refetch();
      const { [field]: target, ...rest } = error.fields;
      form.setErrors(target ? { ...rest, target } : rest);
    },
  });
  const blocked = (preview.data?.blockers.length ?? 0) > 0;
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
        {preview.isFetching && <Loading />}
        {preview.error && <ErrorAlert error={preview.error} />}
        {preview.data && <RelocationPreview preview={preview.data} />}
        {preview.data && !blocked && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('decisionNumber')}
                placeholder="125/QĐ-UBND"
                required
                data-testid="relocate-decision-number"
                {...form.getInputProps('decisionNumber')}
              />
              <DateInput
                label={t('decisionDate')}
                valueFormat="DD/MM/YYYY"
                required
                {...form.getInputProps('decisionDate')}
              />
            </SimpleGrid>
            <DateInput
              label={t('effectiveOn')}
              valueFormat="DD/MM/YYYY"
              required
              {...form.getInputProps('effectiveOn')}
            />
            <Textarea label={t('reason')} autosize minRows={2} {...form.getInputProps('reason')} />
            {preview.data.endingRoles.items.length > 0 && (
              <Checkbox.Group
                label={t('keepRoles')}
                data-testid="relocate-keep-roles"
                {...form.getInputProps('keepRoles')}
              >
                <Stack gap={4} mt={4}>
                  {preview.data.endingRoles.items.map((r) => (
                    <Checkbox
                      key={r.id}
                      value={r.id}
                      label={t('keepRole', {
                        name: r.name,
                        role: r.detail ?? '',
                        target: preview.data?.target.name ?? '',
                      })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <Checkbox
              label={t(mode === 'move' ? 'confirmMove' : 'confirmMerge', {
                name: unit.name,
                target: preview.data.target.name,
              })}
              data-testid="relocate-confirm"
              {...form.getInputProps('confirmed', { type: 'checkbox' })}
            />
          </>
        )}
        {save.error != null && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            color={mode === 'merge' ? 'red' : undefined}
            loading={save.isPending}
            disabled={!preview.data || blocked}
            data-testid="relocate-submit"
          >
            {mode === 'move' ? t('move') : t('merge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
