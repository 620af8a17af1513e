import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { allGuides, guideById, renderBinderHtml, renderGuideHtml, renderGuideMarkdown, renderGuideText, visibleGuides, type Guide } from '../../shared/guides';
import { guideHidden } from '../../shared/errors/catalogue';
import type { CliContext } from '../context';
import { usageError } from '../cli-errors';
import { withExamples } from '../help';

const binderName = 'm365-connect-guides';

/** The guides this organisation shows (the policy may hide some), in reading order. */
async function shownGuides(context: CliContext): Promise<Guide[]> {
  return visibleGuides((await context.config()).values.hiddenGuides);
}

async function guideFor(context: CliContext, id: string): Promise<Guide> {
  const guide = guideById(id);
  if (!guide) {
    throw usageError(`There is no guide "${id}".`, `The guides are: ${allGuides.map((g) => g.id).join(', ')} (m365-connect guides list).`);
  }
  if (!(await shownGuides(context)).includes(guide)) {
    throw guideHidden(id);
  }
  return guide;
}

export function registerGuides(program: Command, context: CliContext): void {
  const guides = program.command('guides').description('The offline guides: list them, read one in the terminal, or export them (HTML, PDF, Markdown).');
  withExamples(guides, ['m365-connect guides list', 'm365-connect guides show create-app-password', 'm365-connect guides export --format pdf --out ./binder']);

  const list = guides
    .command('list')
    .description('List the guides (id, audience, title); guides hidden by policy are left out.')
    .addOption(new Option('--audience <who>', 'only guides for users or for admins').choices(['user', 'admin']))
    .option('--json', 'print [{"id","audience","title","summary"}]')
    .action(async (options: { audience?: 'user' | 'admin'; json?: boolean }) => {
      const out = context.output(options.json);
      const shown = (await shownGuides(context)).filter((g) => !options.audience || g.audience === options.audience);
      if (options.json) return out.result(shown.map((g) => ({ id: g.id, audience: g.audience, title: g.title, summary: g.summary })));
      const width = Math.max(...shown.map((g) => g.id.length), 2);
      for (const guide of shown) out.line(`${out.color.bold(guide.id.padEnd(width))}  ${guide.audience.padEnd(5)}  ${guide.title}`);
    });
  withExamples(list, ['m365-connect guides list', 'm365-connect guides list --audience admin --json']);

  const show = guides
    .command('show')
    .description('Read one guide in the terminal (wrapped to its width).')
    .argument('<id>', 'the guide id, from `guides list`')
    .option('--markdown', 'print it as Markdown instead of plain text')
    .action(async (id: string, options: { markdown?: boolean }) => {
      const guide = await guideFor(context, id);
      const width = Math.min(100, context.io.stdout.columns ?? 80);
      context.io.stdout.write(options.markdown ? renderGuideMarkdown(guide) : `${renderGuideText(guide, { width })}\n`);
    });
  withExamples(show, ['m365-connect guides show create-app-password', 'm365-connect guides show oauth-route --markdown > oauth.md']);

  const exportCommand = guides
    .command('export')
    .description('Write the guides for an intranet or a printed binder; no network needed (PDF uses the local Chromium).')
    .addOption(new Option('--format <format>', 'html (one page per guide + a binder), pdf (one binder), md (one file per guide + README.md)').choices(['html', 'pdf', 'md']).makeOptionMandatory())
    .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
    .option('--id <id...>', 'only these guides (default: every guide your organisation shows)')
    .option('--json', 'print {"files": [...]}')
    .action(async (options: { format: 'html' | 'pdf' | 'md'; out: string; id?: string[]; json?: boolean }) => {
      const out = context.output(options.json);
      const selected = options.id ? await Promise.all(options.id.map((id) => guideFor(context, id))) : await shownGuides(context);
      const dir = resolve(options.out);
      await mkdir(dir, { recursive: true });
      const generatedOn = context.io.now().toISOString().slice(0, 10);
      const files: [string, string | Buffer][] = [];
      if (options.format === 'html') {
        for (const guide of selected) files.push([`${guide.id}.html`, renderGuideHtml(guide, { generatedOn })]);
        files.push([`${binderName}.html`, renderBinderHtml(selected, { generatedOn })]);
      } else if (options.format === 'md') {
        for (const guide of selected) files.push([`${guide.id}.md`, renderGuideMarkdown(guide)]);
        files.push(['README.md', `# Microsoft 365 app passwords and OAuth: the guides\n\n${selected.map((g) => `- [${g.title}](./${g.id}.md) (${g.audience === 'admin' ? 'for admins' : 'for users'})`).join('\n')}\n`]);
      } else {
        out.note('Rendering the PDF with the local Chromium…');
        files.push([`${binderName}.pdf`, await (await import('../guides/pdf')).renderPdf(renderBinderHtml(selected, { generatedOn }), context.io.env)]);
      }
      const written: string[] = [];
      for (const [name, data] of files) {
        const path = join(dir, name);
        await writeFile(path, data);
        written.push(path);
      }
      if (options.json) return out.result({ ok: true, format: options.format, guides: selected.map((g) => g.id), files: written });
      out.line(`Wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${dir}:`);
      for (const path of written) out.line(`  ${path}`);
    });
  withExamples(exportCommand, [
    'm365-connect guides export --format html --out ./intranet/m365',
    'm365-connect guides export --format pdf --out ./binder',
    'm365-connect guides export --format md --out ./wiki --id create-app-password use-app-password',
  ]);
}
