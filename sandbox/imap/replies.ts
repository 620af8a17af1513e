/**
 * Exchange Online's IMAP (outlook.office365.com:993) wording, as clients log it:
 *
 *   * OK The Microsoft Exchange IMAP4 service is ready. [<base64 of the server name>]
 *   * CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+
 *   tag NO AUTHENTICATE failed.      (any refused XOAUTH2 token: wrong audience, scope, user, expired)
 *   tag NO LOGIN failed.             (LOGIN with a password: Basic authentication is off)
 *
 * Dovecot cannot send a tagged NO without a response code unless it is "[ALERT]": a refusal
 * text that starts with '[' is sent as is, any other text gets "[ALERT]" in front. The sandbox
 * therefore answers `tag NO [AUTHENTICATIONFAILED] AUTHENTICATE failed.` (RFC 5530's code for
 * exactly this case, which Dovecot also uses): same text as Exchange, one standard code more.
 * Clients match on NO (and the text), so they behave as they would against Exchange.
 */
export const exchangeImap = {
  greeting: 'The Microsoft Exchange IMAP4 service is ready.',
  oauthFailed: '[AUTHENTICATIONFAILED] AUTHENTICATE failed.',
  basicFailed: '[AUTHENTICATIONFAILED] LOGIN failed.',
} as const;

/** The server name Exchange puts (UTF-16LE, base64) after its greeting. */
export const imapHostName = 'SB1PR01MB0001.namprd01.prod.outlook.com';

export function exchangeGreeting(): string {
  return `${exchangeImap.greeting} [${Buffer.from(imapHostName, 'utf16le').toString('base64')}]`;
}
