// Set by scripts/build-cli.mjs from package.json; "dev" when run from source (tests).
declare const __M365_CONNECT_VERSION__: string | undefined;

export const version: string = typeof __M365_CONNECT_VERSION__ === 'string' ? __M365_CONNECT_VERSION__ : 'dev';
