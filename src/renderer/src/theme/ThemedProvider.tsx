import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
// Only the tokens the app reads, written out at build time: neither the rest nor the code that
// builds Fluent's theme comes with the first screen.
import { theme as lightTheme } from 'virtual:fluent-theme/light';
import type { AppTheme } from './app-theme';
import { useMediaQuery } from './useMediaQuery';

/** Dark and high-contrast tokens load only when the system asks for them, keeping them off start-up. */
const loadTheme = {
  dark: () => import('./dark-theme').then((module) => module.darkTheme),
  'high-contrast': () => import('./high-contrast-theme').then((module) => module.highContrastTheme),
};

/** Light, dark or high contrast, following the operating system. */
export function ThemedProvider({ children }: { children: ReactNode }) {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const highContrast = useMediaQuery('(forced-colors: active)');
  const wanted = highContrast ? 'high-contrast' : dark ? 'dark' : 'light';
  // The last other theme loaded; light is always at hand.
  const [startedLight] = useState(wanted === 'light');
  const [other, setOther] = useState<{ name: keyof typeof loadTheme; theme: AppTheme } | undefined>(undefined);

  useEffect(() => {
    if (wanted === 'light') return;
    let current = true;
    void loadTheme[wanted]().then((theme) => {
      if (current) setOther({ name: wanted, theme });
    });
    return () => {
      current = false;
    };
  }, [wanted]);

  // While other tokens load (a local chunk, a few milliseconds) the theme shown so far stays, so a
  // switch never unmounts the wizard and what was typed; at start nothing shows rather than flash
  // the light theme at someone who asked for dark or high contrast.
  const theme = wanted === 'light' ? lightTheme : (other?.theme ?? (startedLight ? lightTheme : null));
  if (!theme) return null;
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}
