// A short list of facts ("Số, ký hiệu: Số 2-KH/ĐU"), as a description list with each label beside
// its value. Empty values are left out. `compact` is for the cards of a list on phones. Plain
// elements styled by the module (not Mantine's Text): a list of members renders a hundred of them.
import { Fragment, type ReactNode } from 'react';
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
      {/* Each label and value straight in the grid: no wrapper per row (a member's card has three rows, a cell's list a hundred cards). */}
      {shown.map(([k, v]) => (
        <Fragment key={k}>
          <dt className={size === 'sm' ? `${classes.label} ${classes.small}` : classes.label}>{k}</dt>
          <dd className={size === 'md' ? `${classes.value} ${classes.strong}` : classes.value}>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
