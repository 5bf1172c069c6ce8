// The heading of every page, which also sets the browser tab's title ("Tổ chức — QuánTriệt").
import { useEffect, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { vi } from '../i18n/vi';

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} — ${vi.titles.suffix}` : vi.titles.suffix;
  }, [title]);
}

interface PageHeaderProps {
  /** The heading; when it is more than plain text, `documentTitle` names the browser tab. */
  title: ReactNode;
  /** The browser tab's title when it differs from the heading. */
  documentTitle?: string;
  /** Above the title: breadcrumbs or a kind label. */
  above?: ReactNode;
  /** Under the title: a short description, badges. */
  below?: ReactNode;
  /** Buttons, on the right on wide screens and under the title on phones. */
  actions?: ReactNode;
}

export function PageHeader({ title, documentTitle, above, below, actions }: PageHeaderProps) {
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1}>{title}</Title>
          {below}
        </Stack>
        {actions && (
          <Group gap="xs" className="qt-no-print">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
