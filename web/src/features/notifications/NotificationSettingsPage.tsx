import { Alert, Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferencesInput } from '#contracts/notifications.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { enablePush, pushSupported, usePreferences, useSavePreferences } from './api.ts';

const CHANNELS = ['email', 'push', 'zns', 'sms'] as const;

/** A user's channels and quiet hours, and turning on Web Push on this device. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [form, setForm] = useState<NotificationPreferencesInput | null>(null);
  const [pushState, setPushState] = useState<'idle' | 'on' | 'denied'>('idle');
  useEffect(() => {
    if (prefs.data && !form) {
      const { available: _a, pushSubscriptions: _p, ...values } = prefs.data;
      setForm(values);
    }
  }, [prefs.data, form]);
  if (prefs.isPending || !form) return <Loading />;
  if (prefs.error) return <ErrorAlert error={prefs.error} onRetry={() => prefs.refetch()} />;
  const available = new Set<string>(prefs.data.available);
  const turnOnPush = () =>
    enablePush()
      .then((ok) => {
        setPushState(ok ? 'on' : 'denied');
        if (ok) void prefs.refetch();
      })
      .catch(notifyError);
  return (
    <Stack gap="md" maw={560}>
      <PageHeader title={t('settingsTitle')} />
      <Text size="sm">{t('settingsIntro')}</Text>
      <Card withBorder>
        <Stack gap="sm">
          {CHANNELS.map((channel) => (
            <Switch
              key={channel}
              label={t(channel)}
              description={available.has(channel) ? undefined : t('notAvailable')}
              disabled={!available.has(channel)}
              checked={form[channel]}
              onChange={(e) => setForm({ ...form, [channel]: e.currentTarget.checked })}
            />
          ))}
          {available.has('push') &&
            (pushSupported() ? (
              <Group>
                <Button variant="light" onClick={turnOnPush}>
                  {t('enablePush')}
                </Button>
                {(pushState === 'on' || prefs.data.pushSubscriptions > 0) && (
                  <Text size="sm" c="teal.9">
                    {t('pushEnabled')}
                  </Text>
                )}
              </Group>
            ) : (
              <Text size="sm">{t('pushUnsupported')}</Text>
            ))}
          {pushState === 'denied' && <Alert color="yellow">{t('pushDenied')}</Alert>}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('quietTitle')}
          </Title>
          <Text size="sm">{t('quietHelp')}</Text>
          <Group grow>
            <TextInput
              label={t('quietFrom')}
              placeholder="21:00"
              inputMode="numeric"
              value={form.quietFrom ?? ''}
              onChange={(e) => setForm({ ...form, quietFrom: e.currentTarget.value || null })}
            />
            <TextInput
              label={t('quietTo')}
              placeholder="06:30"
              inputMode="numeric"
              value={form.quietTo ?? ''}
              onChange={(e) => setForm({ ...form, quietTo: e.currentTarget.value || null })}
            />
          </Group>
        </Stack>
      </Card>
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          onClick={() => save.mutate(form, { onSuccess: () => notifySaved(t('saved')) })}
        >
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}
