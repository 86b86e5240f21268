import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences, NotificationPreferencesInput } from '#contracts/notifications.ts';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

export function usePreferences() {
  return useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => apiGet<NotificationPreferences>('/notifications/preferences'),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationPreferencesInput) =>
      apiPut<NotificationPreferences>('/notifications/preferences', input),
    onSuccess: (saved) => client.setQueryData(['notification-preferences'], saved),
  });
}

export function useUnsubscribe() {
  return useMutation({
    mutationFn: (token: string) => apiPost<{ channel: string }>('/notifications/unsubscribe', { token }),
  });
}

const toBytes = (base64url: string) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

export const pushSupported = () => 'serviceWorker' in navigator && 'PushManager' in window;

/**
 * Subscribes this browser to Web Push with the server's VAPID key (asks for permission first) and registers the
 * subscription with the server. Returns false when the user refused.
 */
export async function enablePush(): Promise<boolean> {
  if ((await Notification.requestPermission()) !== 'granted') return false;
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await apiGet<{ publicKey: string }>('/notifications/push/key');
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: toBytes(publicKey),
    }));
  await apiPost<void>('/notifications/push/subscriptions', subscription.toJSON());
  return true;
}
