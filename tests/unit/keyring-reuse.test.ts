import { describe, expect, it } from 'vitest';
import { reuseUnlocked, type KeyringState } from '../../src/main/vault/keyring-lock';

/** A probe that answers from a script and counts how often it was asked. */
function scripted(answers: KeyringState[]) {
  let asked = 0;
  return {
    probe: async () => answers[Math.min(asked++, answers.length - 1)]!,
    asked: () => asked,
  };
}

describe('reuseUnlocked', () => {
  it('asks once for reads in a row while unlocked, and again once the moment has passed', async () => {
    let clock = 0;
    const source = scripted(['unlocked', 'locked']);
    const probe = reuseUnlocked(source.probe, 1_000, () => clock);
    expect(await probe()).toBe('unlocked');
    clock = 999;
    expect(await probe()).toBe('unlocked');
    expect(source.asked()).toBe(1);
    clock = 1_000;
    expect(await probe()).toBe('locked');
    expect(source.asked()).toBe(2);
  });

  it('never reuses a locked or unknown answer: an unlock is seen at the next question', async () => {
    const source = scripted(['locked', 'unknown', 'unlocked']);
    const probe = reuseUnlocked(source.probe, 60_000, () => 0);
    expect(await probe()).toBe('locked');
    expect(await probe()).toBe('unknown');
    expect(await probe()).toBe('unlocked');
    expect(await probe()).toBe('unlocked');
    expect(source.asked()).toBe(3);
  });

  it('shares one question in flight between callers', async () => {
    const source = scripted(['locked']);
    const probe = reuseUnlocked(source.probe, 1_000, () => 0);
    expect(await Promise.all([probe(), probe(), probe()])).toEqual(['locked', 'locked', 'locked']);
    expect(source.asked()).toBe(1);
  });
});
