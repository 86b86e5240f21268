import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth/session.ts';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { useWorkspace } from './workspace.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useWorkspace();
  const logout = useLogout();
  const navigate = useNavigate();
  const initials = me.user.fullName
    .split(' ')
    .slice(-2)
    .map((w) => w[0])
    .join('');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by the initials it shows, then the full name (axe "label-content-name-mismatch"). */}
        <UnstyledButton data-testid="user-menu">
          <Avatar color="blue" radius="xl" size="md">
            {initials}
          </Avatar>
          <VisuallyHidden>{me.user.fullName}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.fullName}</Menu.Label>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/account/password')}>
          {t('changePassword')}
        </Menu.Item>
        <Menu.Label>
          <IconLanguage size={12} /> {t('language')}
        </Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item key={l.code} onClick={() => setLanguage(l.code)}>
            {l.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
          data-testid="logout"
        >
          {t('logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
