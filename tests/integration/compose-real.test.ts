import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { createHandlers } from '../../src/main/handlers';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { fakePlatform } from '../support/fake-platform';
import { realServices } from '../support/real-services';

const origin = 'app://renderer';
const sender = { url: `${origin}/index.html`, isMainFrame: true };

describe('the composed services, as npm start builds them for the demo tenant', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'ready-user' });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('reports the demo tenant and the sandbox SMTP endpoint, and lets the UI open the sandbox pages', async () => {
    const platform = fakePlatform();
    const { services } = await realServices(sandbox, () => platform);
    const dispatch = createDispatch(createHandlers(services, platform), { trustedOrigin: origin });
    const emit = { emit: () => undefined };
    expect(await dispatch('app:info', {}, sender, emit)).toMatchObject({ ok: true, value: { demoTenant: true } });
    expect(await dispatch('config:get', {}, sender, emit)).toMatchObject({
      ok: true,
      value: { smtpHost: sandbox.smtp.host, smtpPort: sandbox.smtp.port },
    });
    const opened = await dispatch('shell:open-external', { url: `${sandbox.authorityHost}/security-info` }, sender, emit);
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    // The bridge comes composed but stopped: nothing listens until the app or `bridge run` starts it.
    expect(services.bridge?.status()).toMatchObject({ state: 'stopped', listeners: [], owner: null });
  });
});
