// The plan page's "Hội nghị cấp phường": the plan's ward conferences, and creating one (issued plans).
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, QueryStatus } from '../../components/feedback';
import { AnchorLink } from '../../components/links';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { createConference, planConferencesQuery } from './queries';

const t = vi.conferences;

export function PlanConferences({ planId }: { planId: string }) {
  const query = useQuery(planConferencesQuery(planId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const slow = useSlow(busy);
  if (!query.data) return <QueryStatus query={query} />;
  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const c = await createConference(planId);
      await queryClient.invalidateQueries({ queryKey: ['plans', planId, 'conferences'] });
      await navigate({ to: '/hoi-nghi/$conferenceId', params: { conferenceId: c.id } });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      {query.data.conferences.length === 0 && <Text c="dimmed">{t.none}</Text>}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {query.data.conferences.map((c) => (
          <li key={c.id}>
            <Group gap="xs" wrap="wrap">
              <AnchorLink to="/hoi-nghi/$conferenceId" params={{ conferenceId: c.id }} fw={600}>
                {c.title}
              </AnchorLink>
              <Badge variant="light">{t.status[c.status]}</Badge>
              <Text fz="sm" c="dimmed">
                {c.scheduledAt ? formatDateTime(c.scheduledAt) : c.windowPhrase}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
      {query.data.canCreate && (
        <Group>
          <Button onClick={() => void create()} loading={busy} size="md">
            {t.create}
          </Button>
        </Group>
      )}
      {slow && <Working label={t.creating} />}
      {failure !== null && <ErrorAlert error={failure} />}
    </Stack>
  );
}
