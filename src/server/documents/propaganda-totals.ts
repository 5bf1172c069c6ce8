// The propaganda totals by channel as document blocks, shared by the cell report and the ward's
// consolidated report: the sentence with the figures (domain/propaganda.ts) and the small table.
import { propagandaSentence, propagandaTableRows, propagandaTableTitles, type ChannelTotals, type TotalsByChannel } from '../../domain/propaganda';
import type { Block, TableColumn } from './model';

const shares = [0.3, 0.14, 0.13, 0.13, 0.13, 0.17];
export const propagandaColumns: TableColumn[] = propagandaTableTitles.map((title, i) => ({ title, share: shares[i]!, align: i === 0 ? 'left' : 'center' }));

/** The sentence and the table, or one paragraph saying nothing was logged. */
export function propagandaBlocks(byChannel: TotalsByChannel | Record<string, ChannelTotals>, none: string): Block[] {
  const sentence = propagandaSentence(byChannel);
  if (!sentence) return [{ kind: 'paragraph', inlines: [{ text: none }] }];
  return [
    { kind: 'paragraph', inlines: [{ text: sentence }] },
    { kind: 'table', columns: propagandaColumns, rows: propagandaTableRows(byChannel) },
  ];
}
