// A member's record, read-only, as a description list that reads well on a phone.
import { Badge } from '@mantine/core';
import { DetailList } from '../../components/DetailList';
import { AnchorLink } from '../../components/links';
import { formatDate, orNone } from '../../format';
import { vi } from '../../i18n/vi';
import { genderLabel } from './format';
import type { Member } from './queries';

const f = vi.member.fields;

export function MemberDetails({ member, linkCell }: { member: Member; linkCell: boolean }) {
  const cell = linkCell ? (
    <AnchorLink to="/don-vi/$unitId" params={{ unitId: member.cellId }}>
      {member.cellName}
    </AnchorLink>
  ) : (
    member.cellName
  );
  return (
    <DetailList
      rows={[
        [f.fullName, member.fullName],
        [f.gender, genderLabel(member.gender)],
        [f.birthDate, formatDate(member.birthDate)],
        [f.cell, cell],
        [f.joinedOn, formatDate(member.joinedOn)],
        [f.officialOn, formatDate(member.officialOn)],
        [f.cardNumber, orNone(member.cardNumber)],
        [f.phone, orNone(member.phone)],
        [f.email, orNone(member.email)],
        [f.exempt, member.exempt ? <Badge color="grape">{vi.member.exempt}</Badge> : vi.common.no],
      ]}
    />
  );
}
