/* global console, process */
// Runs @doyensec/electronegativity over a source folder, offline, and prints its findings.
// Its CLI entry is unusable here (it resolves the hoisted commander 14, whose API it predates),
// so this calls its runner directly. `got` is replaced for it: the runner would otherwise fetch
// translations and Electron's release list from GitHub on every run.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, 'node_modules', '@doyensec', 'electronegativity');

// Checks that cannot run offline, each with the reason it is excluded.
export const excludedChecks = {
  // Compares the Electron version with GitHub's live release list (network). The version is
  // pinned in package.json and upgraded deliberately; `npm audit` covers published advisories.
  AvailableSecurityFixesGlobalCheck: 'needs the network (GitHub release list)',
};

function offlineGot() {
  const refuse = () => Promise.reject(new Error('electronegativity runs offline'));
  return Object.assign(refuse, { default: refuse, head: refuse, get: refuse });
}

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent?.filename?.startsWith(toolDir)) return offlineGot();
  return originalLoad.call(this, request, parent, isMain);
};

/** Scans `input` and returns the findings left after `eng-disable` annotations. */
export async function scan(input) {
  const run = require(join(toolDir, 'dist', 'runner.js'));
  const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version;
  // The runner logs its offline warnings with console.log; keep stdout for our result only.
  const log = console.log;
  console.log = () => undefined;
  try {
    const result = await run(
      {
        input: resolve(input),
        isRelative: true,
        customScan: [],
        excludeFromScan: Object.keys(excludedChecks),
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    return {
      electronVersion,
      checks: result.globalChecks + result.atomicChecks,
      excluded: Object.keys(excludedChecks),
      parseErrors: result.errors.filter((error) => !error.tolerable).map((e) => ({ file: e.file, message: e.message })),
      findings: result.issues.map((issue) => ({
        id: issue.id,
        file: issue.file,
        line: issue.location.line,
        severity: issue.severity.name,
        description: issue.description,
      })),
    };
  } finally {
    console.log = log;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const input = args.find((arg) => !arg.startsWith('--')) ?? 'src';
  const report = await scan(input);
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    console.log(`electronegativity (Electron ${report.electronVersion}): ${report.checks} checks over ${input}/`);
    for (const [id, why] of Object.entries(excludedChecks)) console.log(`  excluded ${id}: ${why}`);
    for (const error of report.parseErrors) console.log(`  PARSE ERROR ${error.file}: ${error.message}`);
    for (const f of report.findings) console.log(`  ${f.id} ${f.file}:${f.line} [${f.severity}] ${f.description}`);
    console.log(report.findings.length === 0 && report.parseErrors.length === 0 ? 'no findings' : `${report.findings.length} finding(s)`);
  }
  process.exitCode = report.findings.length === 0 && report.parseErrors.length === 0 ? 0 : 1;
}
