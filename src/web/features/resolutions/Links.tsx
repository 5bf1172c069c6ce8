// Documents related to this one (it implements, guides or replaces another, or another does so to
// it). The ward office adds a link by finding the other document and choosing the relation, and
// removes one with a confirmation.
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, QueryStatus, Success } from '../../components/feedback';
import { AnchorLink } from '../../components/links';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { SearchInput } from '../../components/SearchInput';
import { Section } from '../../components/Section';
import { SEARCH_PAUSE_MS } from '../../components/useAddressSearch';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { documentName, kindLabel, linkPhrase, relations } from './format';
import { linkResolution, resolutionKeys, resolutionSearchQuery, unlinkResolution, type ResolutionLink, type ResolutionRelation, type ResolutionSummary } from './queries';

const t = vi.resolutions.links;

export function Links({ resolutionId, links, canEdit }: { resolutionId: string; links: ResolutionLink[]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Section
      id="resolution-links"
      title={t.title}
      actions={
        canEdit &&
        !adding && (
          <Button
            variant="light"
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            {t.add}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <Success>{message}</Success>
        {links.length === 0 ? (
          <Text>{t.none}</Text>
        ) : (
          <Stack component="ul" gap="xs" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {links.map((link) => (
              <LinkRow key={link.id} resolutionId={resolutionId} link={link} canEdit={canEdit} onRemoved={() => setMessage(t.removed)} />
            ))}
          </Stack>
        )}
        {adding && (
          <AddLink
            resolutionId={resolutionId}
            linkedIds={new Set(links.map((l) => l.other.id))}
            onDone={(added) => {
              setAdding(false);
              if (added) setMessage(t.added);
            }}
          />
        )}
      </Stack>
    </Section>
  );
}

function LinkRow({ resolutionId, link, canEdit, onRemoved }: { resolutionId: string; link: ResolutionLink; canEdit: boolean; onRemoved: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = documentName(link.other);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await unlinkResolution(resolutionId, link.id);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: resolutionKeys.detail(resolutionId) }),
        queryClient.invalidateQueries({ queryKey: resolutionKeys.detail(link.other.id) }),
      ]);
      onRemoved();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text fz="sm" c="dimmed">
            {linkPhrase(link)}
          </Text>
          <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId: link.other.id }} fw={700}>
            <NoBreakNumbers>{name}</NoBreakNumbers>
          </AnchorLink>
          <Text fz="sm">
            {link.other.subject} · {link.other.issuer}
            {link.other.issuedOn ? ` · ${formatDate(link.other.issuedOn)}` : ''}
          </Text>
        </Stack>
        {canEdit && !confirming && (
          <Button variant="default" size="sm" onClick={() => setConfirming(true)} aria-label={t.removeLabel(linkPhrase(link).toLowerCase(), name)}>
            {t.remove}
          </Button>
        )}
      </Group>
      {confirming && (
        <Alert color="orange" mt="sm" role="alert">
          <Stack gap="xs">
            <Text>{t.removeConfirm(name)}</Text>
            <Group gap="xs">
              <Button color="red" size="sm" loading={busy} onClick={() => void remove()}>
                {t.remove}
              </Button>
              <Button variant="default" size="sm" disabled={busy} onClick={() => setConfirming(false)}>
                {vi.common.cancel}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Paper>
  );
}

function AddLink({ resolutionId, linkedIds, onDone }: { resolutionId: string; linkedIds: Set<string>; onDone: (added: boolean) => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_PAUSE_MS);
  const [relation, setRelation] = useState<ResolutionRelation>('implements');
  const [picked, setPicked] = useState<ResolutionSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const results = useQuery({ ...resolutionSearchQuery(debounced, '', 10), placeholderData: keepPreviousData });
  const candidates = (results.data ?? []).filter((r) => r.id !== resolutionId);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!picked) {
      setPickError(t.mustPick);
      return;
    }
    setBusy(true);
    try {
      await linkResolution(resolutionId, { toId: picked.id, relation });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: resolutionKeys.detail(resolutionId) }),
        queryClient.invalidateQueries({ queryKey: resolutionKeys.detail(picked.id) }),
      ]);
      onDone(true);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="resolution-link-add">
      <Stack gap="md">
        <Title order={3} id="resolution-link-add">
          {t.addTitle}
        </Title>
        {error !== null && <ErrorAlert error={error} />}
        <NativeSelect
          label={t.relation}
          description={t.relationHint}
          value={relation}
          onChange={(e) => setRelation(e.currentTarget.value as ResolutionRelation)}
          data={relations.map((r) => ({ value: r, label: t.relations[r] ?? r }))}
          maw={360}
        />
        <SearchInput label={t.find} placeholder={t.findPlaceholder} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={560} />
        <QueryStatus query={results} loadingLabel={vi.resolutions.search.searching} />
        {results.data && candidates.length === 0 && <Text>{t.noneFound}</Text>}
        {candidates.length > 0 && (
          <Radio.Group
            size="md"
            label={t.pick}
            value={picked?.id ?? null}
            onChange={(value) => {
              setPicked(candidates.find((r) => r.id === value) ?? null);
              setPickError(null);
            }}
            error={pickError}
          >
            <Stack gap="xs" mt="xs">
              {candidates.map((r) => (
                <Radio
                  key={r.id}
                  value={r.id}
                  disabled={linkedIds.has(r.id)}
                  label={
                    <span>
                      <Text span fw={700}>
                        {r.number}
                      </Text>{' '}
                      <Badge color="blue" component="span">
                        {kindLabel(r.kind)}
                      </Badge>
                    </span>
                  }
                  description={`${r.subject}${r.issuedOn ? ` · ${formatDate(r.issuedOn)}` : ''}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {!candidates.length && pickError && (
          <Text c="red.9" role="alert">
            {pickError}
          </Text>
        )}
        <Text fw={600} aria-live="polite">
          {picked && t.picked(t.relations[relation] ?? relation, documentName(picked))}
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            {t.add}
          </Button>
          <Button variant="default" onClick={() => onDone(false)} disabled={busy}>
            {vi.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
