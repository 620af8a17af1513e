import { Button } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons/svg/checkmark';
import { MailRegular } from '@fluentui/react-icons/svg/mail';
import { useState } from 'react';
import { call } from '../../api';

/** "Copy a message for your admin": the ready-written text (shared/readiness/admin-message.ts) to the clipboard. */
export function CopyAdminMessage({ text, testId }: { text: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await call('clipboard:copy', { text, sensitive: false });
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Button icon={state === 'copied' ? <CheckmarkRegular /> : <MailRegular />} onClick={() => void copy()} data-testid={testId}>
      {state === 'copied' ? 'Message copied' : state === 'failed' ? 'Copy failed' : 'Copy a message for your admin'}
    </Button>
  );
}
