// /thiet-lap — how the commune numbers and heads its documents (read by the leadership, edited by
// the ward office) and, for the administrator, the plan checker's vocabulary extension.
import { Stack, Text, Title } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading, Notice } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { canEditVocabulary, canReadDocumentSettings, canSeeSettings } from '../features/settings/access';
import { DocumentSettingsForm, DocumentSettingsView } from '../features/settings/DocumentSettingsForm';
import { documentSettingsQuery } from '../features/settings/queries';
import { VocabularySection } from '../features/settings/VocabularyEditor';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

const t = vi.settings;

export const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thiet-lap',
  component: SettingsPage,
});

function SettingsPage() {
  const me = useMe();
  if (!canSeeSettings(me)) return <Forbidden />;
  return (
    <>
      <PageHeader title={t.title} below={<Text c="dimmed">{t.intro}</Text>} />
      <Stack gap="xl">
        {canReadDocumentSettings(me) ? <DocumentSettingsSection /> : <Notice title={t.documents}>{t.noCommune}</Notice>}
        {canEditVocabulary(me) && <VocabularySection />}
      </Stack>
    </>
  );
}

function DocumentSettingsSection() {
  const settings = useQuery(documentSettingsQuery);
  return (
    <section aria-labelledby="settings-documents">
      <Title order={2} id="settings-documents" mb="sm">
        {t.documents}
      </Title>
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (settings.data.abilities.edit ? <DocumentSettingsForm settings={settings.data} /> : <DocumentSettingsView settings={settings.data} />)}
    </section>
  );
}
