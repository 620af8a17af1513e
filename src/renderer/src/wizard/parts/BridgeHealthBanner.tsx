import { Suspense, lazy } from 'react';
import { useFirstScreenContext } from '../context';
import { useBridgeView } from './useBridgeView';

// Loaded only when there is something to show, so its message bar stays out of the first screen's code.
const BridgeHealthView = lazy(() => import('./BridgeHealthView').then((module) => ({ default: module.BridgeHealthView })));

/** The bridge's health on every screen, when the bridge is offered and not simply stopped: the page's twin of the tray. */
export function BridgeHealthBanner() {
  const { info, openGuide } = useFirstScreenContext();
  const enabled = info?.routesOffered.includes('bridge') ?? false;
  const { view } = useBridgeView(enabled);
  if (!enabled || !view || (view.status.state === 'stopped' && !view.alert)) return null;
  return (
    <Suspense fallback={null}>
      <BridgeHealthView view={view} openGuide={openGuide} />
    </Suspense>
  );
}
