/**
 * True when the test runs beside a real, unlocked Secret Service (scripts/with-keyring.sh sets
 * this up): the real token cache, vault and bridge passwords need one.
 */
export const keyringReady = process.env.M365_CONNECT_KEYRING_READY === '1' && Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

/** The demo tenant's first user (sandbox/scenarios/ready-user.json), as a person signs in. */
export const adele = { upn: 'adele.vance@contoso.onmicrosoft.com', password: 'Sandbox-Pa55word!', name: 'Adele Vance' };
