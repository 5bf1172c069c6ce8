// A cell's members as of a date: how many belonged, how many were expected to attend (not exempt).
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateField } from '../../components/DateField';
import { QueryStatus } from '../../components/feedback';
import { Section } from '../../components/Section';
import { formatDate, readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { cellCountsQuery } from './queries';

const t = vi.counts;

export function CellCounts({ cellId }: { cellId: string }) {
  const [text, setText] = useState('');
  const [on, setOn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const counts = useQuery({ ...cellCountsQuery(on ?? ''), enabled: on !== null });
  const row = counts.data?.cells.find((c) => c.cellId === cellId) ?? { members: 0, expected: 0 };
  return (
    <Section id="unit-counts" title={t.title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const read = readDate(text);
          if (!read.ok || !read.iso) return setError(read.ok ? vi.membershipActions.required : read.message);
          setError(null);
          setOn(read.iso);
        }}
      >
        <Stack gap="xs">
          <Group align="flex-end" gap="xs">
            <DateField label={t.on} value={text} onValue={setText} error={error} maw={200} />
            <Button type="submit" variant="default">
              {t.show}
            </Button>
          </Group>
          {on && <QueryStatus query={counts} />}
          {on && counts.data && (
            <Text aria-live="polite" data-testid="cell-counts">
              {t.result(formatDate(on), row.members, row.expected)}
            </Text>
          )}
        </Stack>
      </form>
    </Section>
  );
}
