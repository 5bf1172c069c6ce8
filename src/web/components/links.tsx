// Mantine components that navigate with TanStack Router (typed `to` and `params`).
import { forwardRef } from 'react';
import { createLink } from '@tanstack/react-router';
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
