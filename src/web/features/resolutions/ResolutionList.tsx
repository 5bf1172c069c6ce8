// Search results of the registry: a table on wide screens, one card per document on phones. The
// number links to the document's page.
import { Badge, Text } from '@mantine/core';
import { Facts } from '../../components/Facts';
import { AnchorLink } from '../../components/links';
import { ResponsiveList, type Column } from '../../components/ResponsiveList';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { kindLabel } from './format';
import type { ResolutionSummary } from './queries';
import classes from './resolutions.module.css';

const f = vi.resolutions.fields;

const columns: Column<ResolutionSummary>[] = [
  {
    header: f.number,
    nowrap: true,
    cell: (r) => (
      <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId: r.id }} fw={700}>
        {r.number}
      </AnchorLink>
    ),
  },
  { header: f.kind, cell: (r) => kindLabel(r.kind), nowrap: true },
  { header: f.issuedOn, cell: (r) => formatDate(r.issuedOn), nowrap: true },
  { header: f.issuer, cell: (r) => r.issuer },
  { header: f.subject, cell: (r) => r.subject, className: classes.subject },
];

export function ResolutionList({ resolutions, label }: { resolutions: ResolutionSummary[]; label: string }) {
  return (
    <ResponsiveList
      items={resolutions}
      label={label}
      columns={columns}
      minWidth={720}
      card={(r) => (
        <>
          <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId: r.id }} fw={700} fz="lg" className="qt-nowrap">
            {r.number}
          </AnchorLink>{' '}
          <Badge color="blue" ml={4} component="span">
            {kindLabel(r.kind)}
          </Badge>
          <Text mt={4} className={classes.subject}>
            {r.subject}
          </Text>
          <Facts
            compact
            rows={[
              [f.issuedOn, formatDate(r.issuedOn)],
              [f.issuer, r.issuer],
            ]}
          />
        </>
      )}
    />
  );
}
