/**
 * Graph's authentication method types, as short names: `#microsoft.graph.fido2AuthenticationMethod`
 * becomes `fido2`. Unknown future types keep their name rather than being dropped.
 */
export function methodName(odataType: string): string {
  const match = /^#microsoft\.graph\.(.+?)AuthenticationMethod$/.exec(odataType);
  return match?.[1] ?? odataType.replace(/^#microsoft\.graph\./, '');
}

/** Methods that can satisfy an MFA prompt (a password alone cannot). */
const secondFactors = new Set([
  'phone',
  'microsoftAuthenticator',
  'softwareOath',
  'fido2',
  'windowsHelloForBusiness',
  'temporaryAccessPass',
  'platformCredential',
  'hardwareOath',
]);

export const hasSecondFactor = (methods: readonly string[]): boolean => methods.some((m) => secondFactors.has(m));
