// A short list of facts ("Số, ký hiệu: Số 2-KH/ĐU"), as a description list with each label beside
// its value. Empty values are left out. `compact` is for the cards of a list on phones.
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import classes from './Facts.module.css';

interface FactsProps {
  rows: [string, ReactNode][];
  size?: 'sm' | 'md';
  compact?: boolean;
}

export function Facts({ rows, size = 'md', compact = false }: FactsProps) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  return (
    <dl className={compact ? `${classes.facts} ${classes.compact}` : classes.facts}>
      {shown.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <Text component="dt" c="dimmed" fz={size === 'sm' ? 'sm' : undefined} pt={size === 'sm' ? 2 : 0}>
            {k}
          </Text>
          <Text component="dd" fw={size === 'md' ? 500 : undefined}>
            {v}
          </Text>
        </div>
      ))}
    </dl>
  );
}
