import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import type { Request, Response } from '../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../shared/ipc/app-error';
import { call } from '../api';
import { toErrorShape } from '../wizard/to-error-shape';

export type AsyncState<T> =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; value: T }
  | { kind: 'failed'; error: AppErrorShape };

/**
 * Runs one IPC call on demand. Only the latest run may set the state, and nothing is set after
 * unmount: a slow answer to an earlier click can never overwrite a newer one (the stale guard).
 */
export function useIpcMutation<C extends InvokeChannel>(channel: C) {
  const [state, setState] = useState<AsyncState<Response<C>>>({ kind: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    latest.current = 0;
    return () => {
      latest.current = -1;
    };
  }, []);
  const run = useCallback(
    async (request: Request<C>): Promise<Response<C> | undefined> => {
      if (latest.current < 0) return undefined;
      const ticket = ++latest.current;
      setState({ kind: 'busy' });
      try {
        const value = await call(channel, request);
        if (ticket !== latest.current) return undefined;
        setState({ kind: 'done', value });
        return value;
      } catch (error) {
        if (ticket === latest.current) setState({ kind: 'failed', error: toErrorShape(error) });
        return undefined;
      }
    },
    [channel],
  );
  const reset = useCallback(() => {
    if (latest.current >= 0) latest.current += 1;
    setState({ kind: 'idle' });
  }, []);
  return { state, run, reset };
}

/**
 * Loads one IPC call when the component mounts and again whenever `key` changes or `reload()` is
 * called; the same stale guard as useIpcMutation. `key` is the request's identity (e.g. the upn).
 */
export function useIpcQuery<C extends InvokeChannel>(channel: C, request: Request<C>, key = '') {
  const { state, run } = useIpcMutation(channel);
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    void run(requestRef.current);
  }, [run, key, round]);
  const reload = useCallback(() => setRound((previous) => previous + 1), []);
  // Before the first effect runs the state is idle; to the screen that is already loading.
  return { state: state.kind === 'idle' ? ({ kind: 'busy' } as const) : state, reload };
}
