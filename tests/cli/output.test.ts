import { describe, expect, it } from 'vitest';
import { ServerError } from '@azure/msal-node';
import { toReported } from '../../src/cli/cli-errors';
import { colorsEnabled, Output } from '../../src/cli/output';
import { mapAuthError } from '../../src/main/auth/map-auth-error';
import { Progress } from '../../src/cli/progress';
import { fakeIo } from './support/fake-io';

describe('colours', () => {
  it('are on only for a terminal without NO_COLOR or TERM=dumb', () => {
    expect(colorsEnabled({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(colorsEnabled({ write: () => true, isTTY: false }, {})).toBe(false);
    expect(colorsEnabled({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled({ write: () => true, isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('leave no escape codes in piped output', () => {
    const io = fakeIo();
    const out = new Output(io, false);
    out.table([['key', 'value']]);
    out.error({ code: 'x', message: 'boom', nextStep: 'fix it', exitCode: 1 });
    expect(io.stdoutText() + io.stderrText()).not.toContain('\u001b[');
  });

  it('prints errors as one JSON document on stdout in --json mode', () => {
    const io = fakeIo();
    new Output(io, true).error({ code: 'not-signed-in', message: 'Nobody is signed in.', exitCode: 8 });
    expect(JSON.parse(io.stdoutText())).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Nobody is signed in.', exitCode: 8 } });
  });
});

describe('an error only an admin can fix', () => {
  it('prints the ready-written message for the admin (and carries it in --json)', () => {
    const mapped = mapAuthError(new ServerError('invalid_grant', 'c', 'AADSTS90094: Admin consent is required.', '', '90094'), null, {
      authorityHost: 'https://login.microsoftonline.com',
      tenant: 'contoso.com',
      clientId: '7f3e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
      user: 'adele@contoso.com',
    });
    const io = fakeIo();
    new Output(io, false).error(toReported(mapped));
    expect(io.stderrText()).toMatch(/message for your admin:\nHello,\n\nI \(adele@contoso\.com\) need an administrator/);
    expect(io.stderrText()).toContain('Link: https://login.microsoftonline.com/contoso.com/adminconsent?client_id=7f3e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b');
    const json = fakeIo();
    new Output(json, true).error(toReported(mapped));
    expect(JSON.parse(json.stdoutText()).error.adminMessage).toContain('adminconsent?client_id=');
  });
});

describe('progress', () => {
  it('redraws one line with a bar on a terminal', () => {
    let now = 0;
    const chunks: string[] = [];
    const progress = new Progress({ stream: { write: (c: string) => chunks.push(c), isTTY: true }, label: 'Users', unit: 'users', now: () => now });
    progress.setTotal(1000);
    now = 1000;
    progress.update(500);
    progress.finish(1000);
    expect(chunks[0]).toMatch(/^\r.*\[#{12}-{12}\] 50% 500 \/ 1,000 users/);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('prints plain periodic lines when stderr is not a terminal', () => {
    let now = 0;
    const chunks: string[] = [];
    const progress = new Progress({ stream: { write: (c: string) => chunks.push(c) }, label: 'Users', unit: 'users', lineIntervalMs: 5000, now: () => now });
    for (let i = 1; i <= 20; i += 1) {
      now = i * 1000;
      progress.update(i * 100);
    }
    progress.finish(2000);
    expect(chunks).toEqual(['Users: 500 users, 100 users/s\n', 'Users: 1,000 users, 100 users/s\n', 'Users: 1,500 users, 100 users/s\n', 'Users: 2,000 users, 100 users/s\n', 'Users: 2,000 users, 100 users/s\n']);
    expect(chunks.join('')).not.toMatch(/\r/);
    expect(chunks.join('')).not.toContain('\u001b');
  });
});
