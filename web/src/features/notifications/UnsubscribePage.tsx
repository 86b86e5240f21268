import { Alert, Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormError } from '../../ui/FormError.tsx';
import { useUnsubscribe } from './api.ts';

/**
 * The page an e-mail's unsubscribe link opens, without signing in. It asks before acting: mail scanners open links,
 * and a GET that unsubscribed would turn e-mails off for families who never clicked.
 */
export default function UnsubscribePage() {
  const { t } = useTranslation('notifications');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();
  return (
    <Center p="md" mih="100vh">
      <Card withBorder maw={440} w="100%">
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('unsubscribeTitle')}
          </Title>
          {unsubscribe.isSuccess ? (
            <Alert color="teal">{t('unsubscribed')}</Alert>
          ) : (
            <>
              <Text size="sm">{t('unsubscribeConfirm')}</Text>
              <FormError error={unsubscribe.error} />
              <Button
                onClick={() => unsubscribe.mutate(token)}
                loading={unsubscribe.isPending}
                disabled={!token}
              >
                {t('unsubscribeButton')}
              </Button>
            </>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
