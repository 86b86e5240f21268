import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { randomId, useDisclosure } from '@mantine/hooks';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTeamBody, type TEAM_ROLES } from '#contracts/dx-assessments/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type CampaignBoard, campaignApi, type Team, useOfficeUsers, useTeams } from './api.ts';
import { FormActions } from './FormActions.tsx';

type Role = (typeof TEAM_ROLES)[number];

function TeamForm({ board, team, onDone }: { board: CampaignBoard; team: Team | null; onDone(): void }) {
  const { t } = useTranslation('assessments');
  const enums = useEnumLabels();
  const client = useQueryClient();
  const users = useOfficeUsers(board.id);
  const form = useForm({
    initialValues: {
      name: team?.name ?? '',
      // `key` keeps each row's inputs stable when a row above is removed; the API ignores it.
      members: (team?.members ?? [{ userId: '', role: 'head' as Role }]).map((m) => ({
        key: randomId(),
        userId: m.userId,
        role: m.role as Role,
      })),
      unitIds: team?.units.map((u) => u.unitId) ?? [],
    },
    validate: schemaResolver(saveTeamBody),
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => campaignApi.saveTeam(board.id, team?.id, values),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['assessment-teams', board.id] });
      void client.invalidateQueries({ queryKey: ['assessment-campaigns', board.id] });
      notifySaved(t('common:saved'));
      onDone();
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fields),
  });
  const people = (users.data ?? []).map((u) => ({ value: u.id, label: u.fullName }));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <TextInput label={t('teamName')} required {...form.getInputProps('name')} />
        <Text size="sm" fw={600}>
          {t('teamMembers')}
        </Text>
        {form.values.members.map((member, index) => (
          <Group key={member.key} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              data={people}
              searchable
              placeholder={t('chooseUser')}
              style={{ flex: 1 }}
              {...form.getInputProps(`members.${index}.userId`)}
            />
            <Select
              data={enums.options('teamRole')}
              w={150}
              {...form.getInputProps(`members.${index}.role`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => form.removeListItem('members', index)}
              aria-label={t('removeMember')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.members && (
          <Text size="xs" c="red">
            {form.errors.members}
          </Text>
        )}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('members', { key: randomId(), userId: '', role: 'member' })}
        >
          {t('addMember')}
        </Button>
        <MultiSelect
          label={t('teamUnits')}
          data={board.board.map((u) => ({ value: u.unitId, label: u.unitName }))}
          searchable
          {...form.getInputProps('unitIds')}
        />
        <FormActions error={save.error} pending={save.isPending} />
      </Stack>
    </form>
  );
}

/** External-assessment teams of a campaign: members with their roles and the units each team reviews. */
export function TeamsPanel({ board, manage }: { board: CampaignBoard; manage: boolean }) {
  const { t } = useTranslation('assessments');
  const enums = useEnumLabels();
  const teams = useTeams(board.id);
  const client = useQueryClient();
  const [editing, setEditing] = useState<Team | null>(null);
  const [opened, { open, close }] = useDisclosure();
  const remove = useMutation({
    mutationFn: (id: string) => campaignApi.deleteTeam(id),
    onSuccess: () => {
      notifySaved(t('teamDeleted'));
      return client.invalidateQueries({ queryKey: ['assessment-teams', board.id] });
    },
    onError: notifyError,
  });
  const edit = (team: Team | null) => {
    setEditing(team);
    open();
  };
  return (
    <Stack>
      {manage && (
        <Button leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => edit(null)}>
          {t('addTeam')}
        </Button>
      )}
      {teams.error && <ErrorAlert error={teams.error} />}
      {teams.data?.length === 0 && <Text c="dimmed">{t('noTeams')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {teams.data?.map((team) => (
          <Card key={team.id} withBorder>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{team.name}</Text>
              {manage && (
                <Group gap={4}>
                  <ActionIcon variant="subtle" onClick={() => edit(team)} aria-label={t('common:edit')}>
                    <IconEdit size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(team.id)}
                    aria-label={t('common:delete')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            <Stack gap={4}>
              {team.members.map((m) => (
                <Group key={m.userId} gap="xs">
                  <Badge variant="light" size="sm">
                    {enums.label('teamRole', m.role)}
                  </Badge>
                  <Text size="sm">{m.fullName}</Text>
                </Group>
              ))}
              <Text size="xs" c="dimmed">
                {team.units.map((u) => u.unitName).join(', ') || t('noTeamUnits')}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Modal opened={opened} onClose={close} title={editing ? editing.name : t('addTeam')} size="lg">
        <TeamForm board={board} team={editing} onDone={close} />
      </Modal>
    </Stack>
  );
}
