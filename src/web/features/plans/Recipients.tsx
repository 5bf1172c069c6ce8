// "Nơi nhận" of a plan: each line as written and the unit of the ward it reaches, if any. The
// collective line of the cells reaches every cell and grassroots organisation when issued.
import { Table, Text } from '@mantine/core';
import { matchRecipient } from '../../../domain/recipients';
import { vi } from '../../i18n/vi';
import type { Plan } from './queries';

const t = vi.plans;

export function Recipients({ plan }: { plan: Plan }) {
  if (plan.recipients.length === 0) return <Text>{t.recipientsEmpty}</Text>;
  return (
    <>
      <Text fz="sm" c="dimmed" mb="xs">
        {t.recipientsHint}
      </Text>
      <Table.ScrollContainer minWidth={340}>
        <Table withTableBorder verticalSpacing="xs" fz="md" aria-label={t.recipientsTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.recipientLabel}</Table.Th>
              <Table.Th scope="col">{t.recipientUnit}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.recipients.map((r) => {
              const group = !r.unitId && matchRecipient(r.label, []) !== null;
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>
                    {r.unitName ? (
                      <Text fw={600} c="green.9">
                        ✓ {r.unitName}
                      </Text>
                    ) : group ? (
                      <Text fw={600} c="blue.9">
                        ✓ {t.recipientCells}
                      </Text>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {t.recipientNoUnit}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
