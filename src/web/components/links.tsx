// Mantine components that navigate with TanStack Router (typed `to` and `params`).
import { forwardRef, type ReactNode } from 'react';
import { createLink, useRouter } from '@tanstack/react-router';
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import classes from './links.module.css';

type AnchorElementProps = AnchorProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof AnchorProps>;
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorElementProps>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
AnchorBase.displayName = 'AnchorBase';
export const AnchorLink = createLink(AnchorBase);

type ButtonElementProps = ButtonProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof ButtonProps>;
const ButtonBase = forwardRef<HTMLAnchorElement, ButtonElementProps>((props, ref) => <Button component="a" ref={ref} {...props} />);
ButtonBase.displayName = 'ButtonBase';
export const ButtonLink = createLink(ButtonBase);

type NavLinkElementProps = NavLinkProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof NavLinkProps>;
const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkElementProps>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
NavLinkBase.displayName = 'NavLinkBase';
export const NavLinkRouter = createLink(NavLinkBase);

/**
 * For a link whose address is text (the menu's entries): a click follows it inside the app, while
 * a middle click or Ctrl+click still opens a new tab as with any link.
 */
export function useInAppClick() {
  const router = useRouter();
  return (href: string) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  };
}

/**
 * A link to a page of the app for lists that render one per item (a cell's members): a plain <a>
 * styled as Mantine's Anchor, followed inside the app on click, the page's code and data loaded
 * ahead when a finger or the pointer comes to it (as the router's links do with `intent`).
 * AnchorLink costs a router Link (a `buildLocation`, a store subscription) and Mantine's Anchor, Text
 * and Box per item: a large part of rendering the secretary's home (decisions 036, 039).
 */
export function ListLink({ href, weight, size, children }: { href: string; weight?: 'bold' | 'semibold'; size?: 'lg'; children: ReactNode }) {
  const router = useRouter();
  const follow = useInAppClick();
  // The router resolves an `href` as its links do (buildLocation), but types only `to` and `params`.
  const preload = () => void router.preloadRoute({ href } as unknown as Parameters<typeof router.preloadRoute>[0]).catch(() => undefined);
  const className = [classes.link, weight === 'bold' ? classes.strong : weight === 'semibold' ? classes.semibold : '', size === 'lg' ? classes.large : '', 'mantine-focus-auto'].filter(Boolean).join(' ');
  return (
    <a href={href} className={className} onClick={follow(href)} onFocus={preload} onMouseEnter={preload} onTouchStart={preload}>
      {children}
    </a>
  );
}
