import { notifications } from '@mantine/notifications';

export function notifySaved(message: string) {
  notifications.show({ color: 'teal', message });
}

export function notifyError(error: unknown) {
  notifications.show({
    color: 'red',
    title: 'Không thực hiện được',
    message: error instanceof Error ? error.message : String(error),
  });
}
