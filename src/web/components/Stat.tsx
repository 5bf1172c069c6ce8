// One number with its label, inside a <dl> grid: "Đảng viên 1.234". `alert` marks a number that
// needs attention (errors in a file).
import { Paper, Text } from '@mantine/core';

export function Stat({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <Paper bg="gray.0" p="sm" radius="md" style={alert ? { border: '2px solid var(--mantine-color-red-9)' } : undefined}>
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700} c={alert ? 'red.9' : undefined}>
        {value.toLocaleString('vi-VN')}
      </Text>
    </Paper>
  );
}
