import { guideTitle } from '../catalog';
import { illustrationDescription, illustrationTitle } from '../illustrations';
import type { Guide } from '../types';

/** Escapes the characters Markdown would read as formatting or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const indent = (text: string, by: string): string => text.split('\n').map((line) => (line ? by + line : line)).join('\n');

/** One guide as CommonMark, for an intranet wiki or a repository. Illustrations become their descriptions. */
export function renderGuideMarkdown(guide: Guide): string {
  const md = escapeMarkdown;
  const lines: string[] = [];
  lines.push(`# ${md(guide.title)}`, '');
  lines.push(`*${guide.audience === 'admin' ? 'For admins' : 'For users'}*`, '');
  lines.push(md(guide.summary), '');
  if (guide.lowersSecurity) {
    const safer = guide.saferAlternative ? ` Try the safer route first: “${md(guideTitle(guide.saferAlternative))}”.` : '';
    lines.push(`> **This lowers security.**${safer}`, '');
  }
  for (const warning of guide.warnings) lines.push(`> **Warning:** ${md(warning)}`, '');
  if (guide.prerequisites.length > 0) {
    lines.push('## Before you start', '', ...guide.prerequisites.map((p) => `- ${md(p)}`), '');
  }
  lines.push('## Steps', '');
  guide.steps.forEach((step, i) => {
    const body: string[] = [md(step.text)];
    if (step.note) body.push('', md(step.note));
    if (step.table) {
      body.push('', `| ${md(step.table.caption)} | |`, '|---|---|', ...step.table.rows.map(([name, value]) => `| ${md(name)} | ${md(value)} |`));
    }
    if (step.link) body.push('', `[${md(step.link.label)}](${step.link.url})`);
    if (step.illustration) {
      body.push('', `*Illustration – ${md(illustrationTitle(step.illustration))}: ${md(illustrationDescription(step.illustration))}*`);
    }
    const marker = `${i + 1}. `;
    lines.push(marker + indent(body.join('\n'), ' '.repeat(marker.length)).slice(marker.length), '');
  });
  if (guide.formerly) lines.push(`**Older portal paths:** ${md(guide.formerly)}`, '');
  if (guide.related.length > 0) {
    lines.push('## Related guides', '', ...guide.related.map((id) => `- ${md(guideTitle(id))} (\`${id}\`)`), '');
  }
  if (guide.sources.length > 0) {
    lines.push('## Sources', '', ...guide.sources.map((s) => `- ${md(s.label)}${s.url ? ` <${s.url}>` : ''}`), '');
  }
  return lines.join('\n');
}
