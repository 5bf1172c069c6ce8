// A short list of facts ("Số, ký hiệu: Số 2-KH/ĐU"), as a description list.
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import classes from './Facts.module.css';

export function Facts({ rows, size = 'md' }: { rows: [string, ReactNode][]; size?: 'sm' | 'md' }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className={classes.facts}>
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
