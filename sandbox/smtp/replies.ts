/**
 * Exchange Online's SMTP submission replies, verbatim (see
 * https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission).
 * Each value is the full reply line: code, enhanced status, text.
 */
export const exchangeReplies = {
  authSuccess: '235 2.7.0 Authentication successful',
  tenantDisabled: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
  mailboxDisabled: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
  basicAuthDisabled: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
  badCredentials: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
  securityDefaults: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy",
  conditionalAccess: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
  oauthRejected: '535 5.7.3 Authentication unsuccessful',
  notAuthenticated: '530 5.7.57 Client not authenticated to send mail',
  sendAsDenied: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
  basicAuthRetired: '550 5.7.30 Basic authentication is not supported for Client Submission.',
  unrecognizedAuth: '504 5.7.4 Unrecognized authentication type',
  startTlsReady: '220 2.0.0 SMTP server ready',
} as const;

export type ExchangeReplyName = keyof typeof exchangeReplies;

/** Splits a reply line into the code and the rest, for smtp-server's send(code, text). */
export function splitReply(line: string): { code: number; text: string } {
  return { code: Number(line.slice(0, 3)), text: line.slice(4) };
}

/** An Error smtp-server turns into exactly this reply. */
export function replyError(name: ExchangeReplyName): Error & { responseCode: number } {
  const { code, text } = splitReply(exchangeReplies[name]);
  return Object.assign(new Error(text), { responseCode: code });
}
