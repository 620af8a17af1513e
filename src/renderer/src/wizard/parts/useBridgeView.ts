import { useCallback, useEffect, useState } from 'react';
import type { BridgeView } from '../../../../shared/bridge/app-view';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { call } from '../../api';
import { toErrorShape } from '../to-error-shape';
import { useApiEvent } from './useApiEvent';

/** The bridge as main reports it: loaded once, then kept current by `bridge:event`. */
export function useBridgeView(enabled = true): {
  view: BridgeView | null;
  error: AppErrorShape | null;
  setView: (view: BridgeView) => void;
  setError: (error: AppErrorShape | null) => void;
  run: (action: () => Promise<BridgeView>) => Promise<boolean>;
} {
  const [view, setView] = useState<BridgeView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('bridge:status', {}).then(
      (loaded) => live && setView(loaded),
      (caught: unknown) => live && setError(toErrorShape(caught)),
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  useApiEvent('bridge:event', (next) => enabled && setView(next));
  const run = useCallback(async (action: () => Promise<BridgeView>) => {
    try {
      setView(await action());
      setError(null);
      return true;
    } catch (caught) {
      setError(toErrorShape(caught));
      return false;
    }
  }, []);
  return { view, error, setView, setError, run };
}
