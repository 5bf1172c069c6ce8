// /tai-khoan — who is signed in, with which roles, and changing the password.
// The page, loaded when first opened; the address and its checks are in ./account.tsx.
import { Paper, Stack, Text } from '@mantine/core';
import { DetailList } from '../components/DetailList';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { useMe } from '../features/auth/session';
import { EmailChoicesSection } from '../features/notifications/EmailChoices';
import { OwnDataSection } from '../features/privacy/PersonalData';
import { vi } from '../i18n/vi';

const t = vi.account;

export default AccountPage;

function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title={t.title} />
      <Stack gap="xl" maw={640}>
        <Section id="account-profile" title={t.profile}>
          <Paper withBorder p="md" radius="md">
            <DetailList
              rows={[
                [t.displayName, me.user.displayName],
                [t.username, me.user.username],
                [t.roles, me.roles.map((r) => `${vi.roles[r.role] ?? r.role} — ${r.unitName}`).join('; ')],
              ]}
            />
          </Paper>
        </Section>
        <EmailChoicesSection />
        <ChangePasswordForm />
        <Section id="account-personal-data" title={vi.privacy.section}>
          <Stack gap="sm">
            <Text>{vi.privacy.ownIntro}</Text>
            <OwnDataSection />
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
