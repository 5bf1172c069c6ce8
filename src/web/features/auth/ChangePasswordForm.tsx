// Changing one's own password. The rules shown are checked here for quick feedback and again by
// the server, whose message is shown when it refuses.
import { useState } from 'react';
import { Button, PasswordInput, Stack, Title } from '@mantine/core';
import { api, setCsrfToken } from '../../api';
import { ErrorAlert, Success } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import { passwordMessages, passwordRuleBroken } from '../../../domain/passwords';

const t = vi.account;

/** The server's rules, from the same module (src/domain/passwords.ts). */
function passwordHint(password: string): string | undefined {
  const broken = passwordRuleBroken(password);
  return broken ? passwordMessages[broken] : undefined;
}

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const found = {
      current: current ? undefined : t.required,
      next: passwordHint(next),
      confirm: confirm !== next ? t.mismatch : undefined,
    };
    setErrors(found);
    if (found.current || found.next || found.confirm) return;
    setBusy(true);
    try {
      // The session rotates with the password: the next writes carry the new session's token.
      const changed = await api<{ csrfToken: string }>('/api/me/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      setCsrfToken(changed.csrfToken);
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="account-password">
      <Title order={2} id="account-password" mb="sm">
        {t.changePassword}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={440}>
          <Success>{done && t.changed}</Success>
          {failure !== null && <ErrorAlert error={failure} />}
          <PasswordInput label={t.currentPassword} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.current} visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }} />
          <PasswordInput label={t.newPassword} description={t.newPasswordHint} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.next} visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }} />
          <PasswordInput label={t.confirmPassword} autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} visibilityToggleButtonProps={{ 'aria-label': vi.auth.showPassword }} />
          <div>
            <Button type="submit" loading={busy}>
              {t.submit}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
