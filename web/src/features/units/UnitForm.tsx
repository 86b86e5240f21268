import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUnitBody, type Unit, updateUnitBody } from '#contracts/units.ts';
import { ApiError } from '../../api/client.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { FormError } from '../../ui/FormError.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { createUnit, updateUnit, useUnitKinds } from './api.ts';

const TEXT_FIELDS = [
  'shortName',
  'province',
  'district',
  'commune',
  'address',
  'phone',
  'email',
  'website',
] as const;

function valuesOf(unit: Unit | undefined) {
  return {
    kind: unit?.kind ?? 'school',
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    level: unit?.level ?? null,
    ownership: unit?.ownership ?? null,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, unit?.[f] ?? ''])),
  } as Record<string, string | null>;
}

/** Creates a unit under `parent`, or edits `unit` (whose kind stays as it is). */
export function UnitForm({ parent, unit, onDone }: { parent?: Unit; unit?: Unit; onDone: () => void }) {
  const { t } = useTranslation('units');
  const enums = useEnumLabels();
  const client = useQueryClient();
  const kinds = useUnitKinds();
  const form = useForm({
    initialValues: valuesOf(unit),
    validate: schemaResolver(unit ? updateUnitBody : createUnitBody.omit({ parentId: true }), { sync: true }),
  });
  const save = useMutation({
    mutationFn: ({ kind, ...typed }: Record<string, string | null>) => {
      // An emptied field clears the value rather than storing an empty string.
      const values = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v === '' ? null : v]));
      return unit ? updateUnit(unit.id, values) : createUnit({ ...values, kind, parentId: parent?.id });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['units'] });
      notifySaved(t('common:saved'));
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fields);
    },
  });
  const category = unit?.category ?? kinds.data?.find((k) => k.code === form.getValues().kind)?.category;
  const childKinds = (kinds.data ?? []).filter((k) => k.category !== 'ministry');

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        {!unit && (
          <Select
            label={t('kind')}
            required
            allowDeselect={false}
            data={childKinds.map((k) => ({ value: k.code, label: k.nameVi }))}
            {...form.getInputProps('kind')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('code')} required data-testid="unit-code" {...form.getInputProps('code')} />
          <TextInput label={t('shortName')} {...form.getInputProps('shortName')} />
        </SimpleGrid>
        <TextInput label={t('name')} required data-testid="unit-name" {...form.getInputProps('name')} />
        {category === 'school' && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('level')}
              required
              data={enums.options('schoolLevel')}
              data-testid="unit-level"
              {...form.getInputProps('level')}
            />
            <Select
              label={t('ownership')}
              clearable
              data={['public', 'private', 'people_founded'].map((o) => ({ value: o, label: t(o) }))}
              {...form.getInputProps('ownership')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('province')} {...form.getInputProps('province')} />
          <TextInput label={t('district')} {...form.getInputProps('district')} />
          <TextInput label={t('commune')} {...form.getInputProps('commune')} />
        </SimpleGrid>
        <TextInput label={t('address')} {...form.getInputProps('address')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('phone')} {...form.getInputProps('phone')} />
          <TextInput label={t('email')} {...form.getInputProps('email')} />
          <TextInput label={t('website')} {...form.getInputProps('website')} />
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="unit-save">
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
