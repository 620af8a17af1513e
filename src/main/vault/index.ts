export { createVaultService, accountForUpn, defaultKeychainService, type VaultOptions } from './vault-service';
export type { SecretStore } from './secret-store';
export { keychainError, keychainErrorKind } from './keychain-errors';
