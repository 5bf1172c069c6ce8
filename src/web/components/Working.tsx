// The progress of slow work (over a second, see progress.ts): words for screen readers and a bar
// for the eyes; the bar fills with `percent` while a file is sent and pulses while the server works.
import { Progress, Stack, Text } from '@mantine/core';

export function Working({ label, percent = null }: { label: string; percent?: number | null }) {
  return (
    <Stack gap={6} role="status" aria-live="polite" maw={560}>
      <Text>{label}</Text>
      <Progress value={percent ?? 100} animated={percent === null} striped={percent === null} size="lg" aria-hidden />
    </Stack>
  );
}
