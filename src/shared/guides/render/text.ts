import { guideTitle } from '../catalog';
import { illustrationTitle } from '../illustrations';
import type { Guide } from '../types';

/**
 * Wraps on spaces to `width` columns. Words longer than a line (URLs) are kept whole rather
 * than broken, so they stay clickable and copyable in a terminal.
 */
export function wrap(text: string, width: number, firstIndent = '', restIndent = firstIndent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = restIndent + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** One guide as plain terminal text (no colour codes), wrapped to `width` columns. */
export function renderGuideText(guide: Guide, options: { width?: number } = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const out: string[] = [];
  out.push(...wrap(guide.title.toUpperCase(), width), '='.repeat(Math.min(guide.title.length, width)));
  out.push(`${guide.audience === 'admin' ? 'For admins' : 'For users'} · guide id: ${guide.id}`, '');
  out.push(...wrap(guide.summary, width), '');
  if (guide.lowersSecurity) {
    const safer = guide.saferAlternative ? ` Try the safer route first: “${guideTitle(guide.saferAlternative)}” (${guide.saferAlternative}).` : '';
    out.push(...wrap(`THIS LOWERS SECURITY.${safer}`, width, '!! ', '   '), '');
  }
  for (const warning of guide.warnings) out.push(...wrap(`Warning: ${warning}`, width, ' ! ', '   '), '');
  if (guide.prerequisites.length > 0) {
    out.push('Before you start:');
    for (const p of guide.prerequisites) out.push(...wrap(p, width, '  - ', '    '));
    out.push('');
  }
  out.push('Steps:');
  guide.steps.forEach((step, i) => {
    const marker = `${String(i + 1).padStart(2)}. `;
    const hang = ' '.repeat(marker.length + 2);
    out.push(...wrap(step.text, width, `  ${marker}`, hang));
    if (step.note) out.push(...wrap(step.note, width, hang, hang));
    if (step.table) {
      const nameWidth = Math.max(...step.table.rows.map(([name]) => name.length));
      for (const [name, value] of step.table.rows) out.push(...wrap(`${name.padEnd(nameWidth)}  ${value}`, width, hang, `${hang}${' '.repeat(nameWidth + 2)}`));
    }
    if (step.link) out.push(...wrap(`${step.link.label}: ${step.link.url}`, width, `${hang}-> `, `${hang}   `));
    if (step.illustration) out.push(...wrap(`[Picture: ${illustrationTitle(step.illustration)}]`, width, hang, hang));
    out.push('');
  });
  if (guide.formerly) out.push(...wrap(`Older portal paths: ${guide.formerly}`, width), '');
  if (guide.related.length > 0) {
    out.push('Related guides:');
    for (const id of guide.related) out.push(...wrap(`${guideTitle(id)} (${id})`, width, '  - ', '    '));
    out.push('');
  }
  return out.join('\n');
}
