import { Badge, Button, Drawer, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '#contracts/users.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import { usePagedSearch } from '../../ui/ListPager.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useUserPage } from './api.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { PasswordReveal } from './PasswordReveal.tsx';
import { UserDrawer } from './UserDrawer.tsx';

const PAGE_SIZE = 50;

export default function UsersPage() {
  return (
    <RequirePermission permission="users.read">
      <Users />
    </RequirePermission>
  );
}

function Users() {
  const { t } = useTranslation('users');
  const enums = useEnumLabels();
  const workspace = useWorkspace();
  const { search, setSearch, q, page, setPage, resetting } = usePagedSearch();
  const [status, setStatus] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ username: string; password: string } | null>(null);
  const list = useUserPage({ unitId: workspace.unitId, q, status, role, page, pageSize: PAGE_SIZE });

  return (
    <ListPage
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        workspace.can('users.manage') && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="user-add"
          >
            {t('add')}
          </Button>
        )
      }
      filters={
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            aria-label={t('searchLabel')}
            placeholder={t('searchLabel')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="user-search"
          />
          <Select
            aria-label={t('role')}
            placeholder={t('role')}
            data={enums.options('role')}
            value={role}
            onChange={resetting(setRole)}
            clearable
          />
          <Select
            aria-label={t('status')}
            placeholder={t('status')}
            data={[
              { value: 'active', label: t('active') },
              { value: 'inactive', label: t('inactive') },
            ]}
            value={status}
            onChange={resetting(setStatus)}
            clearable
          />
        </SimpleGrid>
      }
      list={list}
      isEmpty={(data) => data.total === 0}
      empty={t('common:noData')}
      pager={{ page, pageSize: PAGE_SIZE, total: (data) => data.total, onChange: setPage }}
      after={
        <>
          <Drawer
            opened={creating}
            onClose={() => setCreating(false)}
            position="right"
            size="lg"
            title={t('createTitle')}
          >
            {creating && (
              <CreateUserForm
                onCreated={(user, password) => {
                  setCreating(false);
                  if (password) setRevealed({ username: user.username, password });
                }}
              />
            )}
          </Drawer>
          <UserDrawer userId={open} onClose={() => setOpen(null)} />
          <PasswordReveal reveal={revealed} onClose={() => setRevealed(null)} />
        </>
      }
    >
      {(data) => (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('username')}</Table.Th>
                <Table.Th>{t('fullName')}</Table.Th>
                <Table.Th>{t('roles')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => (
                <UserRow key={user.id} user={user} onOpen={() => setOpen(user.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  );
}

function UserRow({ user, onOpen }: { user: User; onOpen: () => void }) {
  const { t } = useTranslation('users');
  const enums = useEnumLabels();
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.username}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.fullName}</Text>
        {user.staff && (
          <Text size="xs" c="dimmed">
            {t('staff')}: {user.staff.fullName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.roles.map((r) => (
            <Badge key={r.id} variant="light" size="sm" title={r.unitName}>
              {enums.label('role', r.role)} · {r.unitName}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={user.isActive ? 'teal' : 'gray'} variant="dot">
            {user.isActive ? t('active') : t('inactive')}
          </Badge>
          {user.mustChangePassword && (
            <Badge color="yellow" variant="light" size="sm">
              {t('mustChange')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString('vi-VN') : t('never')}
      </Table.Td>
    </Table.Tr>
  );
}
