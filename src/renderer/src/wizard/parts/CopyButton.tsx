import { Button } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons/svg/checkmark';
import { CopyRegular } from '@fluentui/react-icons/svg/copy';
import { useState } from 'react';
import { call } from '../../api';

/** Copies a value through the main process (the renderer has no clipboard permission). */
/** sensitive: main clears it from the clipboard after 30 s if it is still there. */
export function CopyButton({ text, label, sensitive = false }: { text: string; label: string; sensitive?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await call('clipboard:copy', { text, sensitive });
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Button
      size="small"
      icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
      onClick={() => void copy()}
      aria-label={`Copy ${label}`}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </Button>
  );
}
