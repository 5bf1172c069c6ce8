// The look of QuánTriệt: a larger base font for elderly members (17 px), inputs and buttons big
// enough for thumbs, and colours chosen for WCAG AA contrast on white.
import { DEFAULT_THEME, createTheme, rem, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's palette with a darker shade 9 where the default one falls under 4.5:1, as text on
 * white or on the colour's own light background (alerts, badges).
 */
const withShade9 = (name: string, shade9: string) => [...DEFAULT_THEME.colors[name]!.slice(0, 9), shade9] as unknown as MantineColorsTuple;

export const theme = createTheme({
  colors: {
    red: withShade9('red', '#c02626'),
    green: withShade9('green', '#237032'),
    orange: withShade9('orange', '#b03a0a'),
  },
  primaryColor: 'red',
  // Shade 9 keeps white button text and red links above 4.5:1.
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontSizes: { xs: rem(14), sm: rem(15), md: rem(17), lg: rem(19), xl: rem(21) },
  lineHeights: { xs: '1.45', sm: '1.5', md: '1.6', lg: '1.6', xl: '1.65' },
  headings: {
    fontWeight: '700',
    sizes: {
      h1: { fontSize: rem(28), lineHeight: '1.3' },
      h2: { fontSize: rem(23), lineHeight: '1.35' },
      h3: { fontSize: rem(20), lineHeight: '1.4' },
      h4: { fontSize: rem(18), lineHeight: '1.45' },
    },
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    FileInput: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
    // Badges carry words ("Miễn sinh hoạt"), not decoration: normal case, readable size.
    Badge: {
      defaultProps: { variant: 'light', radius: 'sm' },
      styles: { root: { textTransform: 'none', fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, height: 'auto', paddingBlock: rem(3) } },
    },
    Alert: { defaultProps: { variant: 'light' } },
    Anchor: { defaultProps: { underline: 'hover' } },
  },
});

/** Darker than Mantine's defaults where those fall under 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
