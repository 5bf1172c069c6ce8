// /nguoi/$personId — a person: name, details, membership (cell, exemption, leaving) with its
// history, and the positions held past and present.
// The page, loaded when first opened; the address and its checks are in ./person.tsx.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DetailList } from '../components/DetailList';
import { Success } from '../components/feedback';
import { PageFallback } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDate, orNone } from '../format';
import { MembershipHistory } from '../features/people/MembershipHistory';
import { PersonFormDialog } from '../features/people/PersonForm';
import { PositionList } from '../features/people/PositionList';
import { personQuery } from '../features/people/queries';
import { genderLabel } from '../features/members/format';
import { PersonalDataActions } from '../features/privacy/PersonalData';
import { vi } from '../i18n/vi';
import { personRoute } from './person';

export default PersonPage;

const t = vi.person;

function PersonPage() {
  const { personId } = personRoute.useParams();
  const detail = useQuery(personQuery(personId));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!detail.data) return <PageFallback query={detail} title={t.fallbackTitle} />;
  const { person, member, membership, positions, abilities } = detail.data;
  const f = vi.member.fields;
  return (
    <>
      <PageHeader
        title={person.fullName}
        below={
          <Group gap="xs">
            {member && !member.leftOn && <Badge color="red">{t.memberOf(member.cellName)}</Badge>}
            {member?.exempt && !member.leftOn && <Badge color="grape">{vi.member.exempt}</Badge>}
            {member?.leftOn && <Badge color="gray">{t.left(formatDate(member.leftOn))}</Badge>}
          </Group>
        }
      />
      <Stack gap="xl">
        <Section id="person-details" title={t.details}>
          {abilities.edit && (
            <Group mb="sm">
              <Button variant="default" onClick={() => setEditing(true)}>
                {vi.personForm.edit}
              </Button>
            </Group>
          )}
          <Success>{saved}</Success>
          <Paper withBorder p="md" radius="md">
            <DetailList
              rows={[
                [f.gender!, person.gender ? genderLabel(person.gender) : vi.common.none],
                [f.birthDate!, formatDate(person.birthDate)],
                [f.phone!, orNone(person.phone)],
                [f.email!, orNone(person.email)],
                [t.note, orNone(person.note)],
              ]}
            />
          </Paper>
        </Section>
        <Section id="person-positions" title={t.positions}>
          {positions.length === 0 ? <Text>{t.noPositions}</Text> : <PositionList positions={positions} show="unit" />}
        </Section>
        <Section id="person-membership" title={t.membership}>
          {member ? (
            <Stack gap="sm">
              <AnchorLink to="/dang-vien/$memberId" params={{ memberId: member.id }}>
                {t.memberPage}
              </AnchorLink>
              <MembershipHistory events={membership} />
            </Stack>
          ) : (
            <Text>{t.notMember}</Text>
          )}
        </Section>
        {(abilities.exportData || abilities.erase) && (
          <Section id="person-personal-data" title={vi.privacy.section}>
            <PersonalDataActions person={person} canExport={abilities.exportData} canErase={abilities.erase} />
          </Section>
        )}
      </Stack>
      {editing && (
        <PersonFormDialog
          person={person}
          onClose={(done) => {
            setEditing(false);
            if (done) setSaved(vi.personForm.saved);
          }}
        />
      )}
    </>
  );
}
