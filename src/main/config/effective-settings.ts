import type { EffectiveSettings } from '../services';
import type { ResolvedConfig } from './resolved';

/** What the handler table needs from the resolved configuration. */
export function effectiveSettingsFrom(config: ResolvedConfig, extraExternalOrigins: string[] = []): EffectiveSettings {
  const { values } = config;
  return {
    smtpHost: values.smtpHost,
    smtpPort: values.smtpPort,
    keychainService: values.keychainService,
    tenant: values.tenant,
    cloud: values.cloud,
    demoTenant: config.demoTenant,
    routesOffered: [...values.routesOffered],
    bridgeSmtpPort: values.bridgeSmtpPort,
    bridgeImapPort: values.bridgeImapPort,
    // A value from the policy wins over user settings whether or not it is listed in `locked`.
    bridgeStartAtLogin: {
      enabled: values.bridgeStartAtLogin,
      lockedByPolicy: config.sources.bridgeStartAtLogin === 'policy' || config.locked.includes('bridgeStartAtLogin'),
    },
    settingsFile: config.settingsFile,
    hiddenGuides: [...values.hiddenGuides],
    extraExternalOrigins,
    // The demo tenant has its own Security info page; a real tenant uses Microsoft's.
    securityInfoUrl: config.demoTenant
      ? `${new URL(values.authorityHost).origin}/security-info`
      : 'https://mysignins.microsoft.com/security-info',
  };
}
