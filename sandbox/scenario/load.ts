import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioSchema, type Scenario, type ScenarioInput } from './schema';

// __dirname, not import.meta: the sandbox is also loaded as CommonJS (Playwright's test runner, tsx).
export const scenariosDir = join(__dirname, '..', 'scenarios');

export function listScenarios(): string[] {
  return readdirSync(scenariosDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** A scenario by name (a file in sandbox/scenarios/) or as an object; both are validated. */
export function loadScenario(scenario: string | ScenarioInput | Record<string, unknown>): Scenario {
  if (typeof scenario !== 'string') return parse(scenario, 'the scenario object');
  if (!/^[a-z0-9-]+$/.test(scenario) || !listScenarios().includes(scenario)) {
    throw new Error(`Unknown scenario "${scenario}". Available: ${listScenarios().join(', ')}`);
  }
  const raw: unknown = JSON.parse(readFileSync(join(scenariosDir, `${scenario}.json`), 'utf8'));
  return parse(raw, `sandbox/scenarios/${scenario}.json`);
}

function parse(raw: unknown, where: string): Scenario {
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid scenario in ${where}:\n  ${issues.join('\n  ')}`);
  }
  return result.data;
}
