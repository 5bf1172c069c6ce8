// The sign-in form. A wrong password, a locked account or too many attempts show the server's
// Vietnamese message; on success the caller decides where to go.
import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { vi } from '../../i18n/vi';
import { signIn, type Me } from './session';

interface SignInFormProps {
  onSignedIn: (me: Me) => Promise<void> | void;
  /** Called as the form is sent, before the server answers (the caller may start loading what comes next). */
  onSending?: () => void;
}

export function SignInForm({ onSignedIn, onSending }: SignInFormProps) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = {
      username: username.trim() ? undefined : vi.auth.usernameRequired,
      password: password ? undefined : vi.auth.passwordRequired,
    };
    setErrors(found);
    if (found.username || found.password) return;
    setBusy(true);
    setFailure(null);
    onSending?.();
    try {
      const me = await signIn(queryClient, username.trim(), password);
      await onSignedIn(me);
    } catch (error) {
      setFailure(errorMessage(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1}>{vi.auth.title}</Title>
          <Text c="dimmed" mt={4}>
            {vi.auth.intro}
          </Text>
        </div>
        {failure && (
          <Alert color="red" title={vi.auth.failedTitle} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={vi.auth.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.username}
        />
        <PasswordInput
          label={vi.auth.password}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }}
        />
        <Button type="submit" loading={busy} size="lg" fullWidth>
          {vi.auth.submit}
        </Button>
      </Stack>
    </form>
  );
}
