// /dat-mat-khau — the new password after a one-time code. A weak one shows the server's Vietnamese
// message; once set, the person goes where they start (a cell secretary: their cell's page).
// The page, loaded when first opened; the address and its checks are in ./set-password.tsx.
import { useState, type FormEvent } from 'react';
import { Box, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, setCsrfToken } from '../api';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/PageHeader';
import { meKey, meQuery } from '../features/auth/session';
import { vi } from '../i18n/vi';

const t = vi.newPassword;

export default function SetPasswordPage() {
  usePageTitle(t.title);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { password: password ? undefined : vi.auth.passwordRequired, confirm: confirm === password ? undefined : vi.account.mismatch };
    setErrors(found);
    if (found.password || found.confirm) return;
    setBusy(true);
    setFailure(null);
    try {
      // The session rotates with the password: the next writes carry the new session's token.
      const changed = await api<{ csrfToken: string }>('/api/me/password', { method: 'POST', body: { newPassword: password } });
      setCsrfToken(changed.csrfToken);
      await queryClient.invalidateQueries({ queryKey: meKey });
      await queryClient.fetchQuery(meQuery);
      await navigate({ to: '/', replace: true });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Box bg="gray.1" mih="100vh">
      <Box bg="red.9" c="white" py="md" px="md" component="header">
        <Text fw={800} fz="xl">
          <span aria-hidden="true">★ </span>
          {vi.app.name}
        </Text>
      </Box>
      <Center component="main" px="sm" py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', xs: 'xl' }} w="100%" maw={440}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1}>{t.title}</Title>
                <Text c="dimmed" mt={4}>
                  {t.intro}
                </Text>
              </div>
              {failure !== null && <ErrorAlert error={failure} />}
              <PasswordInput
                label={t.password}
                description={vi.account.newPasswordHint}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }}
              />
              <PasswordInput
                label={t.confirm}
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={errors.confirm}
                visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }}
              />
              <Button type="submit" loading={busy} size="lg" fullWidth>
                {t.submit}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
