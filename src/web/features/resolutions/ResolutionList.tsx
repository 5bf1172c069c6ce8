// Search results of the registry: a table on wide screens, one card per document on phones (no
// sideways scrolling). The number links to the document's page.
import { Badge, Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AnchorLink } from '../../components/links';
import { vi } from '../../i18n/vi';
import { formatDate, kindLabel } from './format';
import type { ResolutionSummary } from './queries';
import classes from './ResolutionList.module.css';

const f = vi.resolutions.fields;

export function ResolutionList({ resolutions, label }: { resolutions: ResolutionSummary[]; label: string }) {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <ul className={classes.cards} aria-label={label}>
        {resolutions.map((r) => (
          <Paper component="li" key={r.id} withBorder p="sm" radius="md">
            <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId: r.id }} fw={700} fz="lg">
              {r.number}
            </AnchorLink>{' '}
            <Badge color="blue" ml={4} component="span">
              {kindLabel(r.kind)}
            </Badge>
            <Text mt={4} className={classes.subject}>
              {r.subject}
            </Text>
            <dl className={classes.facts}>
              <dt>{f.issuedOn}</dt>
              <dd>{formatDate(r.issuedOn)}</dd>
              <dt>{f.issuer}</dt>
              <dd>{r.issuer}</dd>
            </dl>
          </Paper>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" className={classes.table} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{f.number}</Table.Th>
            <Table.Th scope="col">{f.kind}</Table.Th>
            <Table.Th scope="col">{f.issuedOn}</Table.Th>
            <Table.Th scope="col">{f.issuer}</Table.Th>
            <Table.Th scope="col">{f.subject}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resolutions.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td className={classes.nowrap}>
                <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId: r.id }} fw={700}>
                  {r.number}
                </AnchorLink>
              </Table.Td>
              <Table.Td className={classes.nowrap}>{kindLabel(r.kind)}</Table.Td>
              <Table.Td className={classes.nowrap}>{formatDate(r.issuedOn)}</Table.Td>
              <Table.Td>{r.issuer}</Table.Td>
              <Table.Td className={classes.subject}>{r.subject}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
