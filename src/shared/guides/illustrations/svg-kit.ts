import { escapeXml } from '../render/escape';

/**
 * Tiny drawing vocabulary for our screen diagrams: a browser window, boxes, labels, buttons and
 * the highlight that marks where to click. Output is inline SVG markup with no external
 * references (no xmlns URL, no href, no fonts to fetch), so it renders offline and in print.
 */
export const palette = {
  page: '#ffffff',
  chrome: '#f0f0f0',
  line: '#8a8886',
  text: '#242424',
  muted: '#616161',
  accent: '#0f6cbd',
  highlight: '#d13438',
  highlightFill: '#fde7e9',
};

const font = 'font-family="Segoe UI, system-ui, sans-serif"';

export function text(x: number, y: number, content: string, options: { size?: number; bold?: boolean; color?: string; anchor?: 'start' | 'middle' } = {}): string {
  const size = options.size ?? 12;
  const weight = options.bold ? ' font-weight="600"' : '';
  const anchor = options.anchor === 'middle' ? ' text-anchor="middle"' : '';
  return `<text x="${x}" y="${y}" ${font} font-size="${size}"${weight}${anchor} fill="${options.color ?? palette.text}">${escapeXml(content)}</text>`;
}

export function box(x: number, y: number, w: number, h: number, options: { fill?: string; stroke?: string; radius?: number } = {}): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${options.radius ?? 4}" fill="${options.fill ?? palette.page}" stroke="${options.stroke ?? palette.line}" stroke-width="1"/>`;
}

export function button(x: number, y: number, w: number, label: string, primary = false): string {
  return (
    box(x, y, w, 24, { fill: primary ? palette.accent : palette.page, stroke: primary ? palette.accent : palette.line }) +
    text(x + w / 2, y + 16, label, { anchor: 'middle', color: primary ? '#ffffff' : palette.text })
  );
}

export function checkbox(x: number, y: number, label: string, checked: boolean): string {
  const tick = checked ? `<path d="M${x + 3} ${y + 7} l3 3 l6 -7" fill="none" stroke="#ffffff" stroke-width="2"/>` : '';
  return box(x, y, 14, 14, { fill: checked ? palette.accent : palette.page, radius: 2 }) + tick + text(x + 22, y + 11, label);
}

export function radio(x: number, y: number, label: string, selected: boolean): string {
  const dot = selected ? `<circle cx="${x + 7}" cy="${y + 7}" r="3.5" fill="${palette.accent}"/>` : '';
  return `<circle cx="${x + 7}" cy="${y + 7}" r="6.5" fill="${palette.page}" stroke="${palette.line}"/>` + dot + text(x + 22, y + 11, label);
}

/** The red frame and numbered badge that say "this is the thing to click". */
export function highlight(x: number, y: number, w: number, h: number, badge?: number): string {
  const frame = `<rect x="${x - 4}" y="${y - 4}" width="${w + 8}" height="${h + 8}" rx="6" fill="none" stroke="${palette.highlight}" stroke-width="2.5"/>`;
  if (badge === undefined) return frame;
  const cx = x + w + 4;
  const cy = y - 4;
  return (
    frame +
    `<circle cx="${cx}" cy="${cy}" r="9" fill="${palette.highlight}"/>` +
    text(cx, cy + 4, String(badge), { anchor: 'middle', color: '#ffffff', size: 11, bold: true })
  );
}

/** A browser window with its address bar; the body is drawn in page coordinates below y=44. */
export function browserWindow(width: number, height: number, address: string, body: string): string {
  return (
    box(1, 1, width - 2, height - 2, { fill: palette.page, radius: 8 }) +
    `<path d="M1 9 a8 8 0 0 1 8 -8 h${width - 18} a8 8 0 0 1 8 8 v27 h-${width - 2} z" fill="${palette.chrome}" stroke="${palette.line}"/>` +
    `<circle cx="16" cy="18" r="4" fill="${palette.line}"/><circle cx="30" cy="18" r="4" fill="${palette.line}"/><circle cx="44" cy="18" r="4" fill="${palette.line}"/>` +
    box(60, 8, width - 76, 20, { fill: palette.page, radius: 10 }) +
    text(72, 22, address, { color: palette.muted, size: 11 }) +
    body
  );
}

export type Drawing = { width: number; height: number; body: string };

/** Wraps a drawing as an accessible image: role="img", a <title> and a <desc> it is labelled by. */
export function svgDocument(instanceId: string, title: string, description: string, drawing: Drawing): string {
  const titleId = `${instanceId}-title`;
  const descId = `${instanceId}-desc`;
  return (
    `<svg class="guide-illustration" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${drawing.width} ${drawing.height}" width="${drawing.width}" height="${drawing.height}" style="max-width:100%;height:auto">` +
    `<title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>` +
    drawing.body +
    '</svg>'
  );
}
