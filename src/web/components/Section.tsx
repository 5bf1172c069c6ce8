// A titled part of a page: a <section> named by its heading (a landmark region for screen
// readers), optionally with buttons beside the heading or framed as a card.
import type { ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';

interface SectionProps {
  /** The heading's id, which names the section. */
  id: string;
  title: ReactNode;
  /** Beside the heading: buttons that act on the section. */
  actions?: ReactNode;
  /** Drawn as a card (a bordered panel), with a smaller heading. */
  framed?: boolean;
  /** A framed section as tall as its row (cards side by side). */
  fullHeight?: boolean;
  children: ReactNode;
}

export function Section({ id, title, actions, framed = false, fullHeight = false, children }: SectionProps) {
  const heading = (
    <Title order={2} id={id} fz={framed ? 'xl' : undefined} mb={actions ? undefined : 'sm'}>
      {title}
    </Title>
  );
  const head = actions ? (
    <Group justify="space-between" align="center" mb="sm" gap="sm">
      {heading}
      {actions}
    </Group>
  ) : (
    heading
  );
  if (framed) {
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} h={fullHeight ? '100%' : undefined}>
        {head}
        {children}
      </Paper>
    );
  }
  return (
    <section aria-labelledby={id}>
      {head}
      {children}
    </section>
  );
}
