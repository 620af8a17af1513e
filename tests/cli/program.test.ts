import { describe, expect, it } from 'vitest';
import { CliError, toReported } from '../../src/cli/cli-errors';
import { exitCodeHelp, exitCodes } from '../../src/cli/exit-codes';
import { runCli } from '../../src/cli/program';
import { runCli as runReportProgram } from '../../src/cli/programs/report';
import { runCli as runSmtpTestProgram } from '../../src/cli/programs/smtp-test';
import { AppError, errorCodes } from '../../src/shared/ipc/app-error';
import { smtpCauses } from '../../src/shared/smtp/result';
import { exitCodeForCause } from '../../src/shared/smtp/exit-codes';
import { fakeIo } from './support/fake-io';

describe('exit codes', () => {
  const documented = new Set(exitCodeHelp.map(([code]) => code));

  it('every service error code maps to a documented exit code', () => {
    for (const code of errorCodes) {
      const reported = toReported(new AppError({ code, message: 'x' }));
      expect(documented.has(reported.exitCode), code).toBe(true);
    }
    expect(toReported(new AppError({ code: 'keychain-unavailable', message: 'x' })).exitCode).toBe(exitCodes.keychain);
    expect(toReported(new AppError({ code: 'config-invalid', message: 'x' })).exitCode).toBe(exitCodes.config);
    expect(toReported(new AppError({ code: 'not-signed-in', message: 'x' })).exitCode).toBe(exitCodes.notSignedIn);
  });

  it('every SMTP cause maps to the smtp-test exit codes (0, 1, 3, 4, 5), all documented', () => {
    for (const cause of smtpCauses) expect([0, 1, 3, 4, 5]).toContain(exitCodeForCause(cause));
    expect(exitCodeForCause('tls-untrusted')).toBe(exitCodes.tls);
    expect(exitCodeForCause('connection-lost')).toBe(exitCodes.network);
    expect(exitCodeForCause('bad-credentials')).toBe(exitCodes.authRefused);
  });

  it('codes are unique and unexpected errors never show a stack', () => {
    expect(new Set(Object.values(exitCodes)).size).toBe(Object.values(exitCodes).length);
    const reported = toReported(new TypeError('boom'));
    expect(reported).toEqual({ code: 'internal', message: 'Unexpected failure: boom', exitCode: 1 });
    expect(toReported(new CliError('m', 'usage', 'n'))).toEqual({ code: 'usage', message: 'm', nextStep: 'n', exitCode: 2 });
  });
});

describe('runCli in-process', () => {
  it('returns 2 and a JSON error for an unknown flag in --json mode', async () => {
    const io = fakeIo();
    expect(await runCli(['config', 'show', '--json', '--nope'], io)).toBe(2);
    expect(JSON.parse(io.stdoutText())).toMatchObject({ ok: false, error: { code: 'usage', exitCode: 2 } });
    expect(io.stderrText()).toMatch(/unknown option '--nope'/);
  });

  it('--help exits 0 and writes to stdout', async () => {
    const io = fakeIo();
    expect(await runCli(['report', '--help'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/--out <file>/);
    expect(io.stdoutText()).toMatch(/Examples:/);
  });

  it('store with --password-stdin refuses a terminal as stdin instead of hanging', async () => {
    const io = fakeIo({ stdinTty: true, env: { XDG_CONFIG_HOME: '/nonexistent-config' } });
    expect(await runCli(['store', '--user', 'a@b.c', '--password-stdin'], io)).toBe(2);
    expect(io.stderrText()).toMatch(/standard input is a terminal/);
  });
});

describe('the programs of their own (out/cli/programs/)', () => {
  it.each([
    [runSmtpTestProgram, ['smtp-test', '--help']],
    [runSmtpTestProgram, ['smtp-test', '--user', 'a@b.c', '--nope', '--json']],
    [runSmtpTestProgram, ['smtp-test', '--json']],
    [runSmtpTestProgram, ['smtp-test', '--user', 'not an address', '--password-stdin']],
    [runSmtpTestProgram, ['smtp-test', '--user', 'a@b.c', '--password-stdin', '--oauth']],
    [runReportProgram, ['report', '--help']],
    [runReportProgram, ['report', '--nope', '--json']],
    [runReportProgram, ['report', '--format', 'xml', '--out', 'r.xml']],
  ] as const)('answers case %# exactly as the whole CLI does', async (runOwn, argv) => {
    const [whole, own] = [fakeIo(), fakeIo()];
    const [wholeCode, ownCode] = [await runCli(argv, whole), await runOwn(argv, own)];
    expect(ownCode).toBe(wholeCode);
    expect(own.stdoutText()).toBe(whole.stdoutText());
    expect(own.stderrText()).toBe(whole.stderrText());
    expect(wholeCode).not.toBe(1);
  });
});
