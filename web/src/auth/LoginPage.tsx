import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSchool } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { loadHomePage, whenIdle } from '../app/preload.ts';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useLogin } from './session.ts';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Back to the page a link (an e-mail, a push) opened before signing in; only paths of this app.
  const next = /^\/(?!\/)/.test(params.get('next') ?? '') ? (params.get('next') as string) : '/';
  const form = useForm({ initialValues: { login: '', password: '' } });
  // The home page's script while the user types (after the form is painted): see app/preload.ts.
  useEffect(() => (next === '/' ? whenIdle(() => void loadHomePage()) : undefined), [next]);

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={400}>
        <form onSubmit={form.onSubmit((values) => login.mutate(values, { onSuccess: () => navigate(next) }))}>
          <Stack>
            <Stack gap={4} align="center">
              <IconSchool size={40} color="var(--mantine-color-blue-6)" />
              <Title order={1} size="h2">
                {t('common:appName')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('common:tagline')}
              </Text>
            </Stack>
            <TextInput
              label={t('login')}
              autoComplete="username"
              required
              {...form.getInputProps('login')}
              name="login"
            />
            <PasswordInput
              label={t('password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              name="password"
            />
            {login.error && <ErrorAlert error={login.error} />}
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('submit')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('demoHint')}
            </Text>
            <Text size="xs" ta="center">
              {LANGUAGES.map((l) => (
                <Anchor key={l.code} mx={6} onClick={() => setLanguage(l.code)}>
                  {l.label}
                </Anchor>
              ))}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
