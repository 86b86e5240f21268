import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newGuardian, type StudentFormValues } from './form-values.ts';
import { relationshipOptions } from './labels.tsx';

/** The guardians sub-form: several parents or guardians, each with name, relationship, phone and e-mail. */
export function GuardianFields({ form }: { form: UseFormReturnType<StudentFormValues> }) {
  const { t } = useTranslation('students');
  const guardians = form.getValues().guardians;
  return (
    <Stack gap="xs">
      {guardians.length === 0 && <Text c="dimmed">{t('noGuardians')}</Text>}
      {guardians.map((guardian, index) => (
        <Card key={guardian.key} withBorder padding="sm" data-testid={`guardian-${index}`}>
          <Group align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ flex: 1 }} spacing="xs">
              <TextInput
                label={t('guardianName')}
                required
                {...form.getInputProps(`guardians.${index}.fullName`)}
                key={form.key(`guardians.${index}.fullName`)}
              />
              <Select
                label={t('relationship')}
                data={relationshipOptions(t)}
                allowDeselect={false}
                {...form.getInputProps(`guardians.${index}.relationship`)}
                key={form.key(`guardians.${index}.relationship`)}
              />
              <TextInput
                label={t('phone')}
                type="tel"
                inputMode="tel"
                {...form.getInputProps(`guardians.${index}.phone`)}
                key={form.key(`guardians.${index}.phone`)}
              />
              <TextInput
                label={t('email')}
                type="email"
                {...form.getInputProps(`guardians.${index}.email`)}
                key={form.key(`guardians.${index}.email`)}
              />
              <TextInput
                label={t('occupation')}
                {...form.getInputProps(`guardians.${index}.occupation`)}
                key={form.key(`guardians.${index}.occupation`)}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('removeGuardian')}
              onClick={() => form.removeListItem('guardians', index)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        w="fit-content"
        onClick={() => form.insertListItem('guardians', newGuardian(form.getValues().guardians))}
        data-testid="add-guardian"
      >
        {t('addGuardian')}
      </Button>
    </Stack>
  );
}
