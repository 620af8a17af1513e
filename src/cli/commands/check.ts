import type { Command } from 'commander';
import type { Verdict } from '../../shared/readiness/verdict';
import type { CliContext } from '../context';
import { jsonCommand } from '../help';
import type { Output } from '../output';
import { readinessService } from '../services';

const factLabels: Record<keyof Verdict['facts'], string> = {
  perUserMfa: 'Per-user MFA',
  securityDefaults: 'Security defaults',
  conditionalAccessMfa: 'Conditional Access MFA',
  methods: 'Registered methods',
  signInUsedMfa: 'This sign-in used MFA',
};

const show = (value: unknown) => (Array.isArray(value) ? (value.length ? value.join(', ') : 'none') : String(value));

export function printVerdict(out: Output, verdict: Verdict): void {
  const c = out.color;
  out.line(c.bold(`Readiness of ${verdict.account.upn}`));
  out.line(verdict.summary);
  out.line();
  out.table(Object.entries(verdict.facts).map(([key, value]) => [factLabels[key as keyof Verdict['facts']] ?? key, show(value)]));
  out.line();
  out.table([
    ['App password route', verdict.routes.appPassword],
    ['OAuth route', verdict.routes.oauth],
    ['Recommended', c.bold(verdict.recommended)],
  ]);
  if (verdict.steps.length > 0) {
    out.line();
    out.line(c.bold('Next steps'));
    verdict.steps.forEach((step, index) =>
      out.line(`  ${index + 1}. [${step.who}] ${step.why}  ${c.dim(`(m365-connect guides show ${step.guide})`)}`),
    );
  }
  if (verdict.unknowns.length > 0) {
    out.line();
    out.line(c.bold('Not known'));
    for (const unknown of verdict.unknowns) out.line(`  - ${unknown.fact}: ${unknown.why}`);
  }
  for (const notice of verdict.notices) {
    out.line();
    out.line(`${c.yellow('Note:')} ${notice}`);
  }
}

export function registerCheck(program: Command, context: CliContext): void {
  const description = "The signed-in account's readiness: MFA facts, what is unknown and why, which route works, and the steps.";
  const examples = ['m365-connect check', 'm365-connect check --json | jq .recommended'];
  jsonCommand<{ json?: boolean }>(program, context, { name: 'check', description, json: 'print the verdict JSON (the same form the app and the report use)', examples }, async (options, out) => {
    const readiness = await readinessService(context);
    try {
      const verdict = await readiness.check();
      if (options.json) return out.result(verdict);
      printVerdict(out, verdict);
    } finally {
      await readiness.close();
    }
  });
}
