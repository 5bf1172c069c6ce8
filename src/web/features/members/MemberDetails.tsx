// A member's record, read-only, as a description list that reads well on a phone.
import { Badge, SimpleGrid, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { vi } from '../../i18n/vi';
import { formatDate, genderLabel, orNone } from './format';
import type { Member } from './queries';

const f = vi.member.fields;

export function MemberDetails({ member, linkCell }: { member: Member; linkCell: boolean }) {
  const rows: [string, React.ReactNode][] = [
    [f.fullName, member.fullName],
    [f.gender, genderLabel(member.gender)],
    [f.birthDate, formatDate(member.birthDate)],
    [
      f.cell,
      linkCell ? (
        <AnchorLink to="/don-vi/$unitId" params={{ unitId: member.cellId }}>
          {member.cellName}
        </AnchorLink>
      ) : (
        member.cellName
      ),
    ],
    [f.joinedOn, formatDate(member.joinedOn)],
    [f.officialOn, formatDate(member.officialOn)],
    [f.cardNumber, orNone(member.cardNumber)],
    [f.phone, orNone(member.phone)],
    [f.email, orNone(member.email)],
    [f.exempt, member.exempt ? <Badge color="grape">{vi.member.exempt}</Badge> : vi.common.no],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="lg" verticalSpacing="sm" m={0}>
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text component="dt" fz="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={600} fz="lg">
            {value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
