import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Notification, NotificationList } from '#contracts/notifications.ts';
import { apiGet, apiPost } from '../api/client.ts';
import { notifyError, notifySaved } from '../ui/notify.ts';

/** The note a class-note notification points to (its link is /contact-book?note=<id>). */
const noteOf = (n: Notification) =>
  n.kind === 'class_note' ? /[?&]note=([0-9a-f-]{36})/.exec(n.link ?? '')?.[1] : undefined;

/**
 * In-app notifications (absences, notes, results, returned items), polled every minute. The badge counts the unread
 * ones and clears as they are read: opening one from the list marks it read, and so does opening its page another
 * way (the link of an e-mail or a push lands on the same page), which the badge never noticed before.
 */
export function NotificationBell() {
  const { t } = useTranslation(['nav', 'notifications']);
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notifications'],
    queryFn: () => apiGet<NotificationList>('/notifications'),
    refetchInterval: 60_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => Promise.all(ids.map((id) => apiPost<void>(`/notifications/${id}/read`))),
    onSettled: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => apiPost<void>('/notifications/read-all'),
    onSettled: refresh,
  });
  const acknowledge = useMutation({
    mutationFn: async (n: Notification) => {
      await apiPost(`/class-notes/${noteOf(n)}/ack`);
      if (!n.readAt) await apiPost<void>(`/notifications/${n.id}/read`);
    },
    onSuccess: () => {
      notifySaved(t('notifications:acknowledged'));
      void client.invalidateQueries({ queryKey: ['contact-book'] });
    },
    onError: notifyError,
    onSettled: refresh,
  });
  const here = `${location.pathname}${location.search}`;
  const items = query.data?.items;
  const { mutate } = markRead;
  useEffect(() => {
    const landed = (items ?? []).filter((n) => !n.readAt && n.link === here).map((n) => n.id);
    if (landed.length > 0) mutate(landed);
  }, [items, here, mutate]);
  const unread = query.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal>
      {/* The target is the button itself (aria-expanded belongs on it), the badge only decorates it. */}
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={unread > 0 ? `${t('notifications')} (${unread})` : t('notifications')}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs">
        <ScrollArea.Autosize mah={380}>
          <Stack gap={4}>
            {(items ?? []).length === 0 && (
              <Text size="sm" p="xs">
                {t('noNotifications')}
              </Text>
            )}
            {items?.map((n) => (
              <Stack
                key={n.id}
                gap={2}
                p={6}
                style={{
                  borderRadius: 6,
                  background: n.readAt ? undefined : 'var(--mantine-color-blue-light)',
                }}
              >
                <UnstyledButton
                  onClick={() => {
                    if (!n.readAt) markRead.mutate([n.id]);
                    setOpened(false);
                    if (n.link) navigate(n.link);
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="gray.7">
                    {new Date(n.createdAt).toLocaleString('vi-VN')}
                  </Text>
                </UnstyledButton>
                {noteOf(n) && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    w="fit-content"
                    loading={acknowledge.isPending}
                    onClick={() => acknowledge.mutate(n)}
                  >
                    {t('notifications:acknowledge')}
                  </Button>
                )}
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="space-between" mt={6} wrap="nowrap">
          <Anchor component={Link} to="/notifications/settings" size="xs" onClick={() => setOpened(false)}>
            {t('notifications:settingsLink')}
          </Anchor>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()}>
              {t('notifications:markAllRead')}
            </Button>
          )}
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
