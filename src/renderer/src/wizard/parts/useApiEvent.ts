import { useEffect, useRef } from 'react';
import type { EventChannel } from '../../../../shared/ipc/channels';
import type { EventPayload } from '../../../../shared/ipc/contract';

/** Subscribes to one main -> renderer event for the component's lifetime. */
export function useApiEvent<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): void {
  // The latest listener, so callers may pass an inline function without resubscribing.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => window.api.on(event, (payload) => latest.current(payload)), [event]);
}
