// /tai-khoan — who is signed in, with which roles, and changing the password.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { PageHeader } from '../components/PageHeader';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { useMe } from '../features/auth/session';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

const t = vi.account;

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tai-khoan',
  component: AccountPage,
});

function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title={t.title} />
      <Stack gap="xl" maw={640}>
        <section aria-labelledby="account-profile">
          <Title order={2} id="account-profile" mb="sm">
            {t.profile}
          </Title>
          <Paper withBorder p="md" radius="md">
            <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0} spacing="md">
              <Field label={t.displayName} value={me.user.displayName} />
              <Field label={t.username} value={me.user.username} />
              <Field
                label={t.roles}
                value={me.roles.map((r) => `${vi.roles[r.role] ?? r.role} — ${r.unitName}`).join('; ')}
              />
            </SimpleGrid>
          </Paper>
        </section>
        <ChangePasswordForm />
      </Stack>
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {value}
      </Text>
    </div>
  );
}
