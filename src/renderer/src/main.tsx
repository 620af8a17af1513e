import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ThemedProvider } from './theme/ThemedProvider';

const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  // The first screen is rendered in the same task as this script instead of a task scheduled after
  // it: nothing else runs before Welcome is on screen.
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <ThemedProvider>
          <App />
        </ThemedProvider>
      </StrictMode>,
    ),
  );
}
