// The sign-in form. A wrong password, a locked account or too many attempts show the server's
// Vietnamese message; on success the caller decides where to go.
import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
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
  // "Tôi có mã dùng một lần": the code from the letter instead of a password (decision 016).
  const [withCode, setWithCode] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; code?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = {
      username: username.trim() ? undefined : vi.auth.usernameRequired,
      password: withCode || password ? undefined : vi.auth.passwordRequired,
      code: !withCode || code.trim() ? undefined : vi.oneTimeCode.required,
    };
    setErrors(found);
    if (found.username || found.password || found.code) return;
    setBusy(true);
    setFailure(null);
    onSending?.();
    try {
      const me = withCode ? await signIn(queryClient, username.trim(), code.trim(), 'oneTimeCode') : await signIn(queryClient, username.trim(), password);
      await onSignedIn(me);
    } catch (error) {
      setFailure(errorMessage(error));
      setPassword('');
      setCode('');
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
        {withCode ? (
          <TextInput
            label={vi.oneTimeCode.label}
            description={vi.oneTimeCode.hint}
            name="one-time-code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
          />
        ) : (
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
        )}
        <Button type="submit" loading={busy} size="lg" fullWidth>
          {vi.auth.submit}
        </Button>
        <Anchor
          component="button"
          type="button"
          ta="center"
          onClick={() => {
            setWithCode(!withCode);
            setErrors({});
            setFailure(null);
          }}
        >
          {withCode ? vi.oneTimeCode.back : vi.oneTimeCode.toggle}
        </Anchor>
      </Stack>
    </form>
  );
}
