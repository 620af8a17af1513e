import { Suspense, lazy } from 'react';

/** Fluent's Spinner: loaded with the screens after Welcome (preloadScreens), not with the first screen. */
export const loadSpinner = () => import('./LoadingSpinner');

const Spinner = lazy(() => loadSpinner().then((module) => ({ default: module.LoadingSpinner })));

/**
 * What stands in while a later screen or the guides load. Welcome never waits for anything, so
 * the first screen does without the spinner's code; until that code is there the place stays empty.
 */
export function Loading({ label }: { label: string }) {
  return (
    <Suspense fallback={null}>
      <Spinner label={label} />
    </Suspense>
  );
}
