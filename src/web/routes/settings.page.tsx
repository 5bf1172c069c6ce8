// /thiet-lap — how the commune numbers and heads its documents (read by the leadership, edited by
// the ward office) and, for the administrator, the plan checker's vocabulary extension.
// The page, loaded when first opened; the address and its checks are in ./settings.tsx.
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Notice, QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { ButtonLink } from '../components/links';
import { useMe } from '../features/auth/session';
import { DocumentSettingsForm, DocumentSettingsView } from '../features/settings/DocumentSettingsForm';
import { documentSettingsQuery } from '../features/settings/queries';
import { VocabularySection } from '../features/settings/VocabularyEditor';
import { PositionKindsSection } from '../features/settings/PositionKindsSection';
import { ReminderSettingsSection } from '../features/settings/ReminderSettingsSection';
import { JobFailuresSection } from '../features/settings/JobFailuresSection';
import { vi } from '../i18n/vi';
import { canOpenSettings } from '../nav';

const t = vi.settings;

export default requireAbility(canOpenSettings, SettingsPage);

function SettingsPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title={t.title} below={<Text c="dimmed">{t.intro}</Text>} />
      <Stack gap="xl">
        {me.abilities.manageUnits && (
          <Section id="settings-organisation" title={vi.unitEditor.title}>
            <Text mb="xs">{vi.unitEditor.settingsHint}</Text>
            <ButtonLink to="/thiet-lap/to-chuc" variant="default">
              {vi.unitEditor.settingsLink}
            </ButtonLink>
          </Section>
        )}
        {me.abilities.manageUsers && (
          <Section id="settings-accounts" title={vi.accounts.title}>
            <Text mb="xs">{vi.accounts.settingsHint}</Text>
            <ButtonLink to="/thiet-lap/tai-khoan" variant="default">
              {vi.accounts.settingsLink}
            </ButtonLink>
          </Section>
        )}
        {me.abilities.viewSettings ? <DocumentSettingsSection /> : <Notice title={t.documents}>{t.noCommune}</Notice>}
        {me.abilities.viewSettings && <PositionKindsSection />}
        {me.abilities.viewSettings && <ReminderSettingsSection />}
        {me.abilities.manageUsers && <JobFailuresSection />}
        {me.abilities.editVocabulary && <VocabularySection />}
      </Stack>
    </>
  );
}

function DocumentSettingsSection() {
  const settings = useQuery(documentSettingsQuery);
  return (
    <Section id="settings-documents" title={t.documents}>
      {!settings.data ? (
        <QueryStatus query={settings} />
      ) : settings.data.abilities.edit ? (
        <DocumentSettingsForm settings={settings.data} />
      ) : (
        <DocumentSettingsView settings={settings.data} />
      )}
    </Section>
  );
}
