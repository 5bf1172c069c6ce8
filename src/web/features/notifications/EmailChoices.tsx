// A person's e-mail choices (GET/PUT /api/me/notification-preferences): mute the reminders' e-mail
// (escalations still go) and one daily digest instead of single e-mails. Each switch saves at once,
// with the version it was shown at; when the choice changed elsewhere, the newest is shown.
import { Alert, Paper, Stack, Switch, Text } from '@mantine/core';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { QueryStatus, Success, ErrorAlert } from '../../components/feedback';
import { Section } from '../../components/Section';
import { conflictOf } from '../../components/useEditForm';
import { vi } from '../../i18n/vi';

const t = vi.emailChoices;

export interface EmailPreferences {
  hasPerson: boolean;
  muteEmail: boolean;
  dailyDigest: boolean;
  version: number;
}

export const emailPreferencesQuery = queryOptions({
  queryKey: ['me', 'notification-preferences'],
  queryFn: () => api<EmailPreferences>('/api/me/notification-preferences'),
});

export function EmailChoicesSection() {
  const query = useQuery(emailPreferencesQuery);
  return (
    <Section id="account-email" title={t.title}>
      {query.data ? <EmailChoices prefs={query.data} /> : <QueryStatus query={query} />}
    </Section>
  );
}

function EmailChoices({ prefs }: { prefs: EmailPreferences }) {
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!prefs.hasPerson) return <Alert color="blue">{t.noPerson}</Alert>;

  const save = async (change: { muteEmail?: boolean; dailyDigest?: boolean }) => {
    setSaving(true);
    setDone(null);
    setFailure(null);
    try {
      const saved = await api<EmailPreferences>('/api/me/notification-preferences', { method: 'PUT', body: { version: prefs.version, ...change } });
      queryClient.setQueryData(emailPreferencesQuery.queryKey, saved);
      setDone(t.saved);
    } catch (error) {
      const conflict = conflictOf<EmailPreferences>(error);
      if (conflict) {
        queryClient.setQueryData(emailPreferencesQuery.queryKey, { ...prefs, ...conflict.theirs });
        setFailure(new Error(t.conflict));
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Text>{t.intro}</Text>
        <Switch size="md" label={t.mute} description={t.muteHint} checked={prefs.muteEmail} disabled={saving} onChange={(e) => void save({ muteEmail: e.currentTarget.checked })} />
        <Switch size="md" label={t.digest} description={t.digestHint} checked={prefs.dailyDigest} disabled={saving} onChange={(e) => void save({ dailyDigest: e.currentTarget.checked })} />
        {failure !== null && <ErrorAlert error={failure} />}
        <Success>{done}</Success>
      </Stack>
    </Paper>
  );
}
