import type { BridgeView } from '../../shared/bridge/app-view';

export type TrayTone = 'ok' | 'warning' | 'paused' | 'stopped';
export type TrayAction = 'open' | 'pause' | 'resume' | 'sign-in-again' | 'open-guide' | 'quit';
export type TrayItem = { label: string; action: TrayAction | null };
export type TrayModel = { tone: TrayTone; tooltip: string; items: TrayItem[] };

/**
 * What the tray shows for a bridge state: one status line, the warning if any, then open,
 * pause/resume, quit. Free of 'electron': the Electron tray renders it, tests read it.
 */
export function trayModel(view: BridgeView): TrayModel {
  const { status, alert } = view;
  const sessions = `${status.sessionsOpen} session${status.sessionsOpen === 1 ? '' : 's'}`;
  const statusLine =
    status.state === 'running'
      ? `Bridge running, ${sessions}${status.owner === 'other-process' ? ' (started from the command line)' : ''}`
      : status.state === 'paused'
        ? 'Bridge paused'
        : 'Bridge stopped';
  const lastError = status.accounts.map((account) => account.lastError).find((error) => error !== null) ?? null;
  const items: TrayItem[] = [{ label: statusLine, action: null }];
  if (alert) {
    items.push({ label: alert.kind === 'needs-sign-in' ? 'Sign in again…' : 'What your admin needs to do…', action: alert.kind === 'needs-sign-in' ? 'sign-in-again' : 'open-guide' });
  } else if (lastError) {
    items.push({ label: `Last error: ${lastError.message}`, action: null });
  }
  items.push({ label: 'Open m365-connect', action: 'open' });
  if (status.owner === 'this-process' && status.state === 'running') items.push({ label: 'Pause the bridge', action: 'pause' });
  if (status.owner === 'this-process' && status.state === 'paused') items.push({ label: 'Resume the bridge', action: 'resume' });
  items.push({ label: 'Quit', action: 'quit' });
  const tone: TrayTone = alert ? 'warning' : status.state === 'running' ? 'ok' : status.state === 'paused' ? 'paused' : 'stopped';
  const tooltip = alert ? `m365-connect: ${alert.message}` : `m365-connect: ${statusLine}`;
  return { tone, tooltip, items };
}

const toneColour: Record<TrayTone, [number, number, number]> = {
  ok: [16, 124, 16],
  warning: [196, 89, 17],
  paused: [96, 94, 92],
  stopped: [96, 94, 92],
};

/** A 16x16 BGRA dot in the tone's colour (Electron's createFromBitmap format): no image files to ship. */
export function trayIconBitmap(tone: TrayTone, size = 16): Buffer {
  const [r, g, b] = toneColour[tone];
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inside = Math.hypot(x - centre, y - centre) <= size / 2 - 1;
      const hollow = (tone === 'paused' || tone === 'stopped') && Math.hypot(x - centre, y - centre) < size / 2 - 4;
      const offset = (y * size + x) * 4;
      if (!inside || hollow) continue;
      pixels[offset] = b;
      pixels[offset + 1] = g;
      pixels[offset + 2] = r;
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}
