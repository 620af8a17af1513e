import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useMediaQuery } from './useMediaQuery';

/** Light, dark or high contrast, following the operating system. */
export function ThemedProvider({ children }: { children: ReactNode }) {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const highContrast = useMediaQuery('(forced-colors: active)');
  const theme = highContrast ? teamsHighContrastTheme : dark ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}
