import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ThemedProvider } from './theme/ThemedProvider';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThemedProvider>
        <App />
      </ThemedProvider>
    </StrictMode>,
  );
}
