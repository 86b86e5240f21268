import { ActionIcon, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationList } from '#contracts/notifications.ts';
import { apiGet, apiPost } from '../api/client.ts';

/** In-app notifications (deadlines, returned items, notes): polled every minute. */
export function NotificationBell() {
  const { t } = useTranslation('nav');
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notifications'],
    queryFn: () => apiGet<NotificationList>('/notifications'),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => apiPost<void>(`/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = query.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal>
      {/* The target is the button itself (aria-expanded belongs on it), the badge only decorates it. */}
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('notifications')}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs">
        <ScrollArea.Autosize mah={380}>
          <Stack gap={4}>
            {(query.data?.items ?? []).length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {t('noNotifications')}
              </Text>
            )}
            {query.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                p={6}
                style={{
                  borderRadius: 6,
                  background: n.readAt ? undefined : 'var(--mantine-color-blue-light)',
                }}
                onClick={() => {
                  if (!n.readAt) markRead.mutate(n.id);
                  setOpened(false);
                  if (n.link) navigate(n.link);
                }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {new Date(n.createdAt).toLocaleString('vi-VN')}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
