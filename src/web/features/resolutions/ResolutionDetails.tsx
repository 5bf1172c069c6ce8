// A document's fields, read-only, and its core content as plain paragraphs (never as HTML).
import { Box, Paper, Stack, Text } from '@mantine/core';
import { DetailItem, DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { kindLabel, paragraphsOf } from './format';
import type { Resolution } from './queries';
import classes from './resolutions.module.css';

const t = vi.resolutions;
const f = t.fields;

export function ResolutionDetails({ resolution }: { resolution: Resolution }) {
  return (
    <Paper withBorder p="md" radius="md">
      <DetailList
        cols={{ base: 1, xs: 2, md: 4 }}
        rows={[
          [f.kind, kindLabel(resolution.kind)],
          [f.number, resolution.number],
          [f.issuedOn, formatDate(resolution.issuedOn)],
          [f.issuer, resolution.issuer],
        ]}
      />
      <Box component="dl" mt="md" mb={0}>
        <DetailItem label={f.subject} value={resolution.subject} className={classes.subject} />
      </Box>
    </Paper>
  );
}

export function ResolutionContent({ content }: { content: string }) {
  const paragraphs = paragraphsOf(content);
  return (
    <Section id="resolution-content" title={f.content}>
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
    </Section>
  );
}
