// /dang-vien/$memberId — a member's record; the ward office edits it here (with conflict
// detection) and sees its history of changes.
// The page, loaded when first opened; the address and its checks are in ./member.tsx.
import { useState } from 'react';
import { Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageFallback, QueryStatus, Success } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../format';
import { useMe } from '../features/auth/session';
import { MemberDetails } from '../features/members/MemberDetails';
import { MemberEditForm } from '../features/members/MemberEditForm';
import { memberHistoryQuery, memberQuery, type AuditEntry } from '../features/members/queries';
import { unitsQuery } from '../features/units/queries';
import { MembershipActions } from '../features/people/MembershipActions';
import { vi } from '../i18n/vi';
import { memberRoute } from './member';

export default MemberPage;

function MemberPage() {
  const me = useMe();
  const { memberId } = memberRoute.useParams();
  const detail = useQuery(memberQuery(memberId));
  // The cell is a link only for those the server shows it to (the units they may see).
  const units = useQuery({ ...unitsQuery, enabled: me.abilities.viewOrganisation });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!detail.data) return <PageFallback query={detail} title={vi.member.fallbackTitle} />;

  const { member, abilities } = detail.data;
  const linkCell = units.data?.some((u) => u.id === member.cellId) ?? false;
  return (
    <>
      <PageHeader
        title={member.fullName}
        above={
          linkCell ? (
            <AnchorLink to="/don-vi/$unitId" params={{ unitId: member.cellId }} fz="sm">
              ‹ {member.cellName}
            </AnchorLink>
          ) : (
            <Text fz="sm" c="dimmed">
              {member.cellName}
            </Text>
          )
        }
        below={
          member.leftOn ? (
            <Badge color="gray">{vi.person.left(formatDate(member.leftOn))}</Badge>
          ) : member.exempt ? (
            <Badge color="grape">{vi.member.exempt}</Badge>
          ) : undefined
        }
        actions={
          abilities.edit && !editing ? (
            <Button
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {vi.member.edit}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="xl">
        <Success>{saved && vi.member.saved}</Success>
        {editing ? (
          <Section id="member-edit" title={vi.member.editTitle}>
            <MemberEditForm
              key={member.id}
              detail={detail.data}
              onDone={(result) => {
                setEditing(false);
                setSaved(result !== null);
              }}
            />
          </Section>
        ) : (
          <Section id="member-details" title={vi.member.details}>
            <Paper withBorder p="md" radius="md">
              <MemberDetails member={member} linkCell={linkCell} />
            </Paper>
          </Section>
        )}
        {abilities.recordMembership && (
          <Section id="member-membership" title={vi.membershipActions.title}>
            <MembershipActions
              member={member}
              onDone={() => {
                setSaved(false);
                void detail.refetch();
              }}
            />
          </Section>
        )}
        <AnchorLink to="/nguoi/$personId" params={{ personId: member.personId }}>
          {vi.person.personPage}
        </AnchorLink>
        {me.abilities.viewAudit && <History memberId={member.id} />}
      </Stack>
    </>
  );
}

function History({ memberId }: { memberId: string }) {
  const history = useQuery(memberHistoryQuery(memberId));
  return (
    <Section id="member-history" title={vi.member.history}>
      <QueryStatus query={history} />
      {history.data && history.data.length === 0 && <Text>{vi.member.noHistory}</Text>}
      {history.data && history.data.length > 0 && (
        <Stack component="ol" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {history.data.map((entry) => (
            <li key={entry.id}>
              <Text fw={600} span>
                {formatDateTime(entry.at)}
              </Text>{' '}
              <Text span>— {vi.member.historyActions[entry.action] ?? entry.action}</Text>
              {changedFields(entry) && (
                <Text fz="sm" c="dimmed">
                  {vi.member.changedFields(changedFields(entry)!)}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

const ignored = new Set(['version', 'updatedAt', 'createdAt', 'id', 'tenantId']);

function changedFields(entry: AuditEntry): string | null {
  if (!entry.before || !entry.after || typeof entry.before !== 'object' || typeof entry.after !== 'object') return null;
  const before = entry.before as Record<string, unknown>;
  const after = entry.after as Record<string, unknown>;
  const names = Object.keys(after)
    .filter((k) => !ignored.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (k === 'cellId' ? vi.member.fields.cell : vi.member.fields[k] ?? k));
  return names.length ? names.join(', ') : null;
}
