// A plan's status in words and colour: Bản nháp, Đã trình, Đã duyệt, Đã ban hành.
import { Badge, type BadgeProps } from '@mantine/core';
import { statusColor, statusLabel } from './format';

export function PlanStatusBadge({ status, size }: { status: string; size?: BadgeProps['size'] }) {
  return (
    <Badge color={statusColor(status)} size={size}>
      {statusLabel(status)}
    </Badge>
  );
}
