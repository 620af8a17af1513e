import type { Api } from '../../src/shared/ipc/api';

// Code passed to page.evaluate runs in the renderer, where the preload or the shell installed this.
declare global {
  interface Window {
    readonly api: Api;
  }
}
