// The frame of every signed-in page: a header with the burger (phones), the navigation built from
// nav.ts and the user's abilities, and the main region. Landmarks: header, nav, main.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AppShell, Box, Burger, Button, Container, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { MeContext, signOut, type Me } from '../features/auth/session';
import { CommunePicker } from '../features/accounts/CommunePicker';
import { vi } from '../i18n/vi';
import { hrefOf, isActive, navItems } from '../nav';
import { useInAppClick } from './links';
import classes from './AppLayout.module.css';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OfflineStatus, useOutboxSync } from '../pwa/OfflineStatus';
import { outboxEntries } from '../pwa/outbox';

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const follow = useInAppClick();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  useOutboxSync(me.user.id);

  // After each page change: close the phone menu and move focus to the new page's content.
  useEffect(() => {
    close();
    if (firstPath.current === pathname) return;
    firstPath.current = '';
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, close]);

  return (
    <MeContext.Provider value={me}>
      <a href="#noi-dung" className="qt-skip-link">
        {vi.app.skipToContent}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header bg="red.9" c="white" withBorder={false} className="qt-no-print">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                color="white"
                aria-label={opened ? vi.nav.close : vi.nav.open}
                aria-expanded={opened}
                aria-controls="qt-navbar"
              />
              <a href="/" onClick={follow('/')} className={`${classes.brand} mantine-focus-auto`} aria-label={`${vi.app.name} — ${vi.nav.home}`}>
                <span aria-hidden="true">★ </span>
                {vi.app.name}
              </a>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {/* The province's own pages cover every commune (their filter offers "Tất cả xã/phường"). */}
              {!pathname.startsWith('/tinh/') && <CommunePicker me={me} />}
              <Text c="white" fz="sm" visibleFrom="sm" truncate="end" maw={360}>
                {me.user.displayName}
              </Text>
              <NotificationBell />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="qt-navbar" p="sm" aria-label={vi.nav.label} className="qt-navbar qt-no-print" data-closed={opened ? undefined : true}>
          <AppShell.Section grow className={classes.menu}>
            <ul className={classes.entries}>
              {navItems
                .filter((item) => item.show(me))
                .map((item) => {
                  const href = hrefOf(item, me);
                  const active = isActive(href, pathname);
                  return (
                    <li key={item.id}>
                      <a href={href} aria-current={active ? 'page' : undefined} onClick={follow(href)} className={`${classes.entry} mantine-focus-auto`}>
                        {item.label}
                      </a>
                    </li>
                  );
                })}
            </ul>
          </AppShell.Section>
          <AppShell.Section>
            <Divider my="sm" />
            <Text fz="sm" c="dimmed">
              {vi.nav.signedInAs}
            </Text>
            <Text fw={600} mb="xs">
              {me.user.displayName}
            </Text>
            <LogoutButton />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="noi-dung" ref={mainRef} tabIndex={-1}>
          <Container size="lg" px={0}>
            <OfflineStatus />
            {children}
          </Container>
        </AppShell.Main>
      </AppShell>
    </MeContext.Provider>
  );
}

function LogoutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <Box>
      <Button
        variant="default"
        fullWidth
        loading={busy}
        onClick={async () => {
          // Signing out removes what the device holds, the unsent entries too: say so first.
          const unsent = outboxEntries().length;
          if (unsent > 0 && !window.confirm(`Còn ${unsent} mục chưa gửi lên máy chủ. Đăng xuất sẽ xóa chúng khỏi máy này. Vẫn đăng xuất?`)) return;
          setBusy(true);
          try {
            await signOut(queryClient);
          } finally {
            setBusy(false);
            await navigate({ to: '/dang-nhap', search: {} });
          }
        }}
      >
        {vi.nav.logout}
      </Button>
    </Box>
  );
}
