// Thành phần and the resolved list: each group with its count, the people (hand additions marked),
// removing one, adding a member found by name; re-resolving while a draft.
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Success } from '../../components/feedback';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { memberSearchQuery } from '../members/queries';
import { conferenceAction, type Conference } from './queries';
import { useConferenceAction } from './useConferenceAction';

const t = vi.conferences;

export function Participants({ conference }: { conference: Conference }) {
  const action = useConferenceAction(conference.id);
  const edit = conference.abilities.edit;
  const groups = new Map(conference.groups.map((g) => [g.id, g.label]));
  return (
    <Stack gap="md">
      {conference.participantsText && (
        <Text fz="sm">
          <strong>{t.participantsText}:</strong> {conference.participantsText}
        </Text>
      )}
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t.groupsTitle}>
        {conference.groups.map((g) => (
          <li key={g.id}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text>{g.label}</Text>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {t.groupCount(g.count)}
              </Badge>
            </Group>
          </li>
        ))}
      </Stack>
      {conference.status !== 'draft' && <Text fz="sm" c="dimmed">{t.frozen}</Text>}
      {edit && conference.status === 'draft' && (
        <Button variant="default" size="md" style={{ alignSelf: 'flex-start' }} loading={action.busy === 'resolve'} onClick={() => void action.run('resolve', () => conferenceAction(conference.id, '/resolve', { version: conference.version }))}>
          {t.resolve}
        </Button>
      )}
      {edit && <AddMember conference={conference} run={action.run} busy={action.busy} />}
      {action.slow && <Working label={t.resolving} />}
      <Success>{action.done}</Success>
      {action.failure !== null && <ErrorAlert error={action.failure} />}
      <Text fw={700} id="participants-heading">
        {t.participantsLabel(conference.participants.length)}
      </Text>
      <Stack gap={0} component="ol" m={0} pl="lg" aria-labelledby="participants-heading" data-testid="participants">
        {conference.participants.map((p) => (
          <li key={p.personId}>
            <Group gap="xs" justify="space-between" wrap="nowrap" py={4}>
              <div>
                <Text fw={600}>{p.fullName}</Text>
                <Text fz="sm" c="dimmed">
                  {p.roleLabel || (p.groupId ? groups.get(p.groupId) : '')}
                  {p.manual === 'added' && ` · ${t.manual}`}
                  {!p.sentAt && conference.status !== 'draft' && ` · ${t.notSent}`}
                </Text>
              </div>
              {edit && !p.sentAt && (
                <Button variant="subtle" color="red" size="sm" aria-label={t.remove(p.fullName)} onClick={() => void action.run(`remove-${p.personId}`, () => conferenceAction(conference.id, `/participants/${p.personId}/remove`, { version: conference.version }))}>
                  ✕
                </Button>
              )}
            </Group>
          </li>
        ))}
      </Stack>
      {conference.removed.length > 0 && (
        <Text fz="sm" c="dimmed">
          {t.removedTitle}: {conference.removed.map((p) => p.fullName).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

type Run = ReturnType<typeof useConferenceAction>['run'];

function AddMember({ conference, run, busy }: { conference: Conference; run: Run; busy: string | null }) {
  const [q, setQ] = useState('');
  const search = useQuery({ ...memberSearchQuery(q.trim(), 8), enabled: q.trim().length >= 2 });
  // By person, not by name: two members may share a name (they are told apart by their cell).
  const inList = new Set(conference.participants.map((p) => p.personId));
  return (
    <Stack gap={4}>
      <TextInput label={t.addLabel} value={q} onChange={(e) => setQ(e.currentTarget.value)} size="md" />
      {q.trim().length >= 2 &&
        search.data?.members
          .filter((m) => !inList.has(m.personId))
          .map((m) => (
            <Button
              key={m.id}
              variant="light"
              size="md"
              justify="flex-start"
              loading={busy === `add-${m.id}`}
              aria-label={t.add(`${m.fullName} (${m.cellName})`)}
              onClick={() => void run(`add-${m.id}`, () => conferenceAction(conference.id, '/participants', { version: conference.version, memberId: m.id })).then((ok) => ok && setQ(''))}
            >
              + {m.fullName} — {m.cellName}
            </Button>
          ))}
    </Stack>
  );
}
