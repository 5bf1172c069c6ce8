// Mantine components that navigate with TanStack Router (typed `to` and `params`).
import { forwardRef } from 'react';
import { createLink, useRouter } from '@tanstack/react-router';
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';

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
