import { tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/app-error';
import { call } from '../api';
import { WizardContext, type AppInfo, type WizardContextValue } from './context';
import { toErrorShape } from './to-error-shape';
import { BridgeHealthBanner } from './parts/BridgeHealthBanner';
import { Loading } from './parts/Loading';
import { StepIndicator } from './parts/StepIndicator';
import { WizardHeader } from './parts/WizardHeader';
import { CurrentScreen } from './CurrentScreen';
import { preloadScreens } from './lazy-screens';
import { useApiEvent } from './parts/useApiEvent';
import { useWizard } from './useWizard';

// The guides (their text and illustrations) load when first opened, not with the first screen.
const GuidesView = lazy(() => import('./parts/GuidesView').then((module) => ({ default: module.GuidesView })));
// Needed at start only if app:info fails: its message bar stays out of the first screen's code.
const ErrorMessage = lazy(() => import('./parts/ErrorMessage').then((module) => ({ default: module.ErrorMessage })));

// Inline styles on the first screen's own elements, not makeStyles: Griffel would compile those
// at run time before Welcome could show (Fluent's components ship theirs precompiled).
const styles = {
  shell: {
    maxWidth: '800px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  main: { display: 'grid', gap: tokens.spacingVerticalL },
  away: { display: 'none' },
} satisfies Record<string, CSSProperties>;

/**
 * The whole wizard. Welcome shows at once; what the app is configured for (app:info) fills in as it
 * arrives, and the screens after Welcome and the guides wait for it.
 */
export function Wizard() {
  const navigation = useWizard();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<AppErrorShape | null>(null);
  const [guides, setGuides] = useState<{ open: boolean; id: string | undefined }>({ open: false, id: undefined });

  useEffect(() => {
    call('app:info', {}).then(setInfo, (error: unknown) => setInfoError(toErrorShape(error)));
  }, []);

  // Once the first screen is up, app:info has answered (start-up calls go first) and the window is
  // idle, the next screens' code loads in the background.
  useEffect(() => {
    if (!info) return;
    const idle = requestIdleCallback(preloadScreens, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [info]);

  const openGuide = useCallback((id?: string) => setGuides({ open: true, id }), []);
  // A clicked notification about an admin step opens its guide.
  useApiEvent('guide:open', ({ id }) => openGuide(id));
  // Back from the guides, the screen (kept as it was) gets focus at its title again.
  const wizardArea = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !guides.open) wizardArea.current?.querySelector<HTMLElement>('h1')?.focus();
    wasOpen.current = guides.open;
  }, [guides.open]);
  const context = useMemo<WizardContextValue>(() => ({ info, openGuide }), [info, openGuide]);

  if (infoError) {
    return (
      <main style={styles.shell}>
        <WizardContext.Provider value={context}>
          <Suspense fallback={null}>
            <ErrorMessage error={infoError} title="The app could not start" />
          </Suspense>
        </WizardContext.Provider>
      </main>
    );
  }
  return (
    <WizardContext.Provider value={context}>
      <div style={styles.shell}>
        <WizardHeader demo={info?.demoTenant ?? false} onOpenGuides={() => openGuide()} />
        <BridgeHealthBanner />
        {guides.open && (
          <main style={styles.main}>
            <Suspense fallback={<Loading label="Opening the guides…" />}>
              {info ? (
                <GuidesView guideId={guides.id} onClose={() => setGuides({ open: false, id: undefined })} />
              ) : (
                <Loading label="Opening the guides…" />
              )}
            </Suspense>
          </main>
        )}
        {/* Kept mounted while a guide is open, so nothing typed (an app password) is lost. */}
        <div ref={wizardArea} style={guides.open ? { ...styles.main, ...styles.away } : styles.main}>
          <StepIndicator
            current={navigation.step.kind}
            reachable={navigation.reachable}
            finished={navigation.finished}
            onGoTo={navigation.backTo}
          />
          <main style={styles.main}>
            <Suspense fallback={<Loading label="Loading…" />}>
              {info || navigation.step.kind === 'welcome' ? <CurrentScreen navigation={navigation} /> : <Loading label="Loading…" />}
            </Suspense>
          </main>
        </div>
      </div>
    </WizardContext.Provider>
  );
}

