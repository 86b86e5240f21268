import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Shows an API error in Vietnamese, with the per-field messages when there are any. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errorTitle')} role="alert">
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {fields.length > 1 &&
          fields.slice(0, 20).map(([field, text]) => (
            <Text size="xs" key={field}>
              {field}: {text}
            </Text>
          ))}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry} w="fit-content">
            {t('retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
