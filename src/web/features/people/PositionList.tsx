// Positions held, current first: who (or where), which, the term; an "end" action when allowed.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import type { Position } from './queries';

const t = vi.positions;

export function PositionList({ positions, show, onEnd }: { positions: Position[]; show: 'person' | 'unit'; onEnd?: (p: Position) => void }) {
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.title}>
      {positions.map((p) => (
        <Paper component="li" key={p.id} withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <div>
              <Text fw={700}>
                {p.kindName}
                {!p.toOn && (
                  <Badge ml="xs" color="green" variant="light">
                    {t.current}
                  </Badge>
                )}
              </Text>
              {show === 'person' ? (
                <AnchorLink to="/nguoi/$personId" params={{ personId: p.personId }}>
                  {p.personName}
                </AnchorLink>
              ) : (
                <AnchorLink to="/don-vi/$unitId" params={{ unitId: p.unitId }}>
                  {p.unitName}
                </AnchorLink>
              )}
              <Text fz="sm" c="dimmed">
                {t.term(formatDate(p.fromOn), p.toOn ? formatDate(p.toOn) : null)}
              </Text>
            </div>
            {onEnd && !p.toOn && (
              <Button variant="default" size="xs" onClick={() => onEnd(p)} aria-label={`${t.end}: ${p.personName}, ${p.kindName}`}>
                {t.end}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
