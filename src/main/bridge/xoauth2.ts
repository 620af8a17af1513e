/**
 * The SASL XOAUTH2 initial response: base64("user=" + user + ^A + "auth=Bearer " + token + ^A^A)
 * (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth#sasl-xoauth2).
 */
export const xoauth2 = (user: string, accessToken: string) =>
  Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString('base64');
