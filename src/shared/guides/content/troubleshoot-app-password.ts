import type { Guide } from '../types';
import { links, sources } from './links';

export const troubleshootAppPassword: Guide = {
  id: 'troubleshoot-app-password',
  title: 'Troubleshoot an app password that does not work',
  audience: 'user',
  summary:
    'What the mail server’s answer means and what to do about it. Run the test login in this app first: it shows the server’s exact reply and the likely cause.',
  prerequisites: ['An app password you believe is correct, and the email address it belongs to.'],
  warnings: [
    'Never send an app password to the helpdesk by email or chat. If someone else has seen it, delete it and create a new one.',
  ],
  lowersSecurity: false,
  steps: [
    {
      text: 'Run the test login in this app and read the reply it shows (for example “535 5.7.139 ... the user credentials were incorrect”).',
    },
    {
      text: '“The user credentials were incorrect”: check the user name is your full email address and paste the app password again. If it still fails, create a new app password: the old one may have been deleted or mistyped.',
      link: links.securityInfo,
    },
    {
      text: '“SmtpClientAuthentication is disabled for the Mailbox” or “... for the Tenant”: SMTP AUTH is off. Ask your admin to follow guide “Enable Authenticated SMTP for a mailbox (or the organisation)”.',
    },
    {
      text: '“Basic authentication is disabled”, “locked by your organization’s security defaults policy” or “5.7.30 Basic authentication is not supported”: app passwords cannot work for you. Use OAuth (guide “Use OAuth instead of an app password”).',
    },
    {
      text: '“The request did not meet the criteria to be authenticated successfully”: a Conditional Access policy blocks it. Use OAuth, or ask your admin whether the policy should apply to this tool.',
    },
    {
      text: '“App password” is not offered on the Security info page: per-user MFA is off for you or app passwords are not allowed. Ask your admin (guides “Enable and enforce per-user MFA” and “Allow users to create app passwords”).',
    },
    {
      text: 'You cannot create another one: a user can have at most 40 app passwords. Delete ones you no longer use on the Security info page, or ask your admin to delete them all (guide “Delete a user’s app passwords”).',
    },
    {
      text: 'The test login works here but not in your tool: check the tool uses smtp.office365.com, port 587 and STARTTLS, and that the “From” address is your own (sending as another address needs “Send As” permission).',
    },
    {
      text: 'Still stuck: export the readiness report from this app and send it to your helpdesk. It contains the facts and the replies, never the password.',
    },
  ],
  related: ['create-app-password', 'enable-smtp-auth', 'oauth-route', 'delete-app-passwords'],
  sources: [sources.appPasswords, sources.smtpSubmission, sources.basicAuthDeprecation],
};
