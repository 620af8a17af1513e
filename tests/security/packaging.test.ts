import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { LinuxPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securityLog } from './support/security-log';

const root = resolve(__dirname, '../..');
const log = securityLog('packaging', 2);
afterAll(() => log.flush());

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in for the Electron executable: the real binary can't be downloaded here, but fuses
 * live in a fixed-format wire after this sentinel, all "inherit" until a packager flips them.
 */
async function fakeElectronBinary(dir: string, name: string): Promise<string> {
  const wire = Buffer.concat([
    Buffer.from('\x7fELF padding before the wire '),
    Buffer.from(sentinel),
    Buffer.from([1, 8]), // fuse wire version 1, eight fuses (Electron 45)
    Buffer.alloc(8, FuseState.INHERIT),
    Buffer.from(' padding after the wire'),
  ]);
  const path = join(dir, name);
  await writeFile(path, wire);
  return path;
}

type FusePackager = { doAddElectronFuses(context: { appOutDir: string; electronPlatformName: string }): Promise<void> };

describe('electron-builder packaging', () => {
  it('electron-builder.yml is valid and flips the six required fuses in the packaged binary', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, { isEnabled: false, add: () => undefined } as never);
    expect(config.asar).toBe(true);

    // Run electron-builder's own fuse step (the one `electron-builder` runs before signing).
    const dir = await mkdtemp(join(tmpdir(), 'm365-fuses-'));
    try {
      const binary = await fakeElectronBinary(dir, 'm365-connect');
      const packager = Object.create(LinuxPackager.prototype) as FusePackager;
      Object.defineProperty(packager, 'config', { value: config satisfies Configuration });
      Object.defineProperty(packager, 'executableName', { value: 'm365-connect' });
      await packager.doAddElectronFuses({ appOutDir: dir, electronPlatformName: 'linux' });

      const wire = await getCurrentFuseWire(binary);
      const state = (fuse: FuseV1Options) => wire[fuse];
      const required: [string, FuseV1Options, FuseState][] = [
        ['RunAsNode off', FuseV1Options.RunAsNode, FuseState.DISABLE],
        ['NODE_OPTIONS off', FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
        ['--inspect off', FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
        ['cookie encryption on', FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
        ['embedded ASAR integrity on', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
        ['only load app from ASAR', FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
        ['file:// extra privileges off', FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE],
      ];
      for (const [name, fuse, expected] of required) {
        expect({ name, state: state(fuse) }).toEqual({ name, state: expected });
      }
      log.passed({
        area: 'Packaging',
        tried: "electron-builder.yml validated by electron-builder, then its fuse step run on a stand-in Electron binary's fuse wire",
        cases: required.length,
        held: 'RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; cookie encryption, embedded ASAR integrity and ASAR-only loading on',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
