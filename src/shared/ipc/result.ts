import type { AppErrorShape } from './app-error';

/** What every invoke resolves to over IPC: errors travel as data, never as thrown objects. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
