export { createBridgeService, bridgeHost, type BridgeConfig, type CreateBridgeServiceOptions } from './bridge-service';
export type { BridgeEvent, BridgeService, BridgeStartOptions } from './bridge-service-types';
export { bridgeKeychainService, createBridgePasswords, type BridgePasswords } from './bridge-passwords';
export { readBridgeState, liveOtherBridge } from './bridge-lock';
