import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { useFirstScreenContext } from '../context';
import { CopyAdminMessage } from './CopyAdminMessage';

/** A failure in plain language: what happened, what to do next, and the guide that helps. */
export function ErrorMessage({ error, title = 'That did not work' }: { error: AppErrorShape; title?: string }) {
  const { openGuide } = useFirstScreenContext();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-message">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <Prose text={error.message} />
        {error.nextStep && (
          <div>
            <Prose text={error.nextStep} />
          </div>
        )}
      </MessageBarBody>
      {(error.guide !== undefined || error.adminMessage !== undefined) && (
        <MessageBarActions>
          {error.adminMessage !== undefined && <CopyAdminMessage text={error.adminMessage} testId="copy-admin-message-error" />}
          {error.guide !== undefined && <Button onClick={() => openGuide(error.guide)}>Read the guide</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Message text with `commands` in backticks shown as code, never as literal backticks. */
function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks would leave one unpaired: show that text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
