import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSchool } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '../ui/Loading.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { appRoutes, NAV_GROUPS, type NavGroup } from './routes.tsx';
import { SchoolYearSwitcher, UnitSwitcher } from './switchers.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useWorkspace } from './workspace.tsx';

/** Headings of the menu's areas (the main items have none). */
const GROUP_LABEL: Record<NavGroup, string | null> = {
  main: null,
  records: 'nav:groupRecords',
  gradebook: 'nav:groupGradebook',
  results: 'nav:groupResults',
  dx: 'nav:groupDx',
  admin: 'nav:groupAdmin',
};

/** Users whose every role is a family role (guardian, student) work on their children only: no unit or year pickers. */
const FAMILY_ROLES = new Set(['guardian', 'student']);

/** A nav item is active on its own page and the pages below it ('/staff' is not active on '/staffing'). */
const isActive = (path: string, current: string) =>
  path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  const location = useLocation();
  const workspace = useWorkspace();
  const visible = appRoutes.filter(({ nav }) => {
    if (!nav) return false;
    if (nav.permission && !workspace.can(nav.permission)) return false;
    if (nav.only === 'school' && !workspace.isSchool) return false;
    if (nav.only === 'office' && (workspace.isSchool || !workspace.unit)) return false;
    if (nav.roles && !workspace.me.assignments.some((a) => nav.roles?.includes(a.role))) return false;
    return true;
  });
  const familyOnly = workspace.me.assignments.every((a) => FAMILY_ROLES.has(a.role));
  const pickers = familyOnly ? null : (
    <>
      <UnitSwitcher />
      <SchoolYearSwitcher />
    </>
  );

  return (
    <AppShell
      header={{ height: { base: familyOnly ? 52 : 104, sm: 60 } }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h={{ base: 52, sm: '100%' }} px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav:menu')} />
            <IconSchool size={26} color="var(--mantine-color-blue-6)" />
            <Text fw={700} visibleFrom="xs">
              {t('appName')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" visibleFrom="sm" style={{ flex: 1, justifyContent: 'flex-end' }}>
            {pickers}
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
        {pickers && (
          <Group hiddenFrom="sm" px="xs" pb={6} gap={6} wrap="nowrap">
            {pickers}
          </Group>
        )}
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Điều hướng">
        <ScrollArea>
          {NAV_GROUPS.map((group) => {
            const items = visible.filter((r) => (r.nav?.group ?? 'main') === group);
            if (items.length === 0) return null;
            const heading = GROUP_LABEL[group];
            return (
              <div key={group} data-testid={`nav-group-${group}`}>
                {heading && (
                  <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pt="sm" pb={4}>
                    {t(heading)}
                  </Text>
                )}
                {items.map(({ path, nav }) =>
                  nav ? (
                    <NavLink
                      key={path}
                      component={Link}
                      to={path}
                      label={t(nav.label)}
                      leftSection={<nav.icon size={18} stroke={1.6} />}
                      active={isActive(path, location.pathname)}
                      onClick={close}
                    />
                  ) : null,
                )}
              </div>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
