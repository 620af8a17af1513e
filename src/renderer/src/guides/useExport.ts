import { useCallback, useState } from 'react';
import { ApiError, call } from '../api';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: 'html' | 'pdf' }
  | { kind: 'saved'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; nextStep?: string };

/** Export guides through the main process (it renders and asks where to save); tracks the outcome. */
export function useExport() {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const exportGuides = useCallback(async (format: 'html' | 'pdf', ids: string[]) => {
    setState({ kind: 'busy', format });
    try {
      const { savedTo } = await call('guides:export', { format, ids });
      setState(savedTo ? { kind: 'saved', path: savedTo } : { kind: 'cancelled' });
    } catch (error: unknown) {
      if (error instanceof ApiError) {
        setState({ kind: 'failed', message: error.shape.message, ...(error.shape.nextStep ? { nextStep: error.shape.nextStep } : {}) });
      } else {
        setState({ kind: 'failed', message: 'The guides could not be exported.' });
      }
    }
  }, []);
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, exportGuides, reset };
}
