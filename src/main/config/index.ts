export { loadConfig, type LoadConfigOptions } from './load';
export type { ConfigSource, ResolvedConfig, ResolvedKey, ResolvedValues } from './resolved';
export { saveUserSettings, type SettingsChanges } from './user-settings';
export { cloudNames, cloudPresets, type CloudName } from './clouds';
export { configKeys, envNameFor, policyEnvName, demoEnvName, policySchema, type ConfigKey } from './schema';
export { machinePolicyPath, defaultUserDataDir, settingsFileIn } from './locations';
export { effectiveSettingsFrom } from './effective-settings';
