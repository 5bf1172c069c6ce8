// A document's fields, read-only, and its core content as plain paragraphs (never as HTML).
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { vi } from '../../i18n/vi';
import { formatDate, kindLabel, paragraphsOf } from './format';
import type { Resolution } from './queries';
import classes from './ResolutionList.module.css';

const t = vi.resolutions;
const f = t.fields;

export function ResolutionDetails({ resolution }: { resolution: Resolution }) {
  const rows: [string, string][] = [
    [f.kind, kindLabel(resolution.kind)],
    [f.number, resolution.number],
    [f.issuedOn, formatDate(resolution.issuedOn)],
    [f.issuer, resolution.issuer],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" verticalSpacing="sm" m={0}>
        {rows.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text component="dt" fz="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={600} fz="lg">
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Stack gap={0} component="dl" mt="md" mb={0} mx={0}>
        <Text component="dt" fz="sm" c="dimmed">
          {f.subject}
        </Text>
        <Text component="dd" m={0} fw={600} fz="lg" className={classes.subject}>
          {resolution.subject}
        </Text>
      </Stack>
    </Paper>
  );
}

export function ResolutionContent({ content }: { content: string }) {
  const paragraphs = paragraphsOf(content);
  return (
    <section aria-labelledby="resolution-content">
      <Title order={2} id="resolution-content" mb="sm">
        {f.content}
      </Title>
      {paragraphs.length === 0 ? (
        <Text c="dimmed">{t.noContent}</Text>
      ) : (
        <Stack gap="sm" maw="48rem">
          {paragraphs.map((lines, i) => (
            <Text key={i} style={{ textAlign: 'justify', hyphens: 'auto' }} lang="vi">
              {lines.map((line, j) => (
                <span key={j}>
                  {j > 0 && <br />}
                  {line}
                </span>
              ))}
            </Text>
          ))}
        </Stack>
      )}
    </section>
  );
}
