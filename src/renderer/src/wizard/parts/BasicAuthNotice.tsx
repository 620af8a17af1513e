import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Why an app password may stop working: Microsoft is retiring Basic authentication for SMTP AUTH. */
export function BasicAuthNotice() {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="basic-auth-notice">
      <MessageBarBody>
        <MessageBarTitle>Basic authentication for SMTP is being retired</MessageBarTitle>
        An app password logs in with Basic authentication (AUTH LOGIN). Microsoft is switching that off for SMTP AUTH:
        for existing tenants it is off by default from the end of December 2026, and a tenant where it is already off
        answers 535 5.7.139 or 5.7.30. OAuth (XOAUTH2) keeps working: the backup tool signs in with your account
        instead of storing a password. If your tool supports OAuth, use it.
      </MessageBarBody>
    </MessageBar>
  );
}
