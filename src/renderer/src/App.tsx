import { Body1, Button, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { call } from './api';

const useStyles = makeStyles({
  main: { maxWidth: '720px', margin: '0 auto', padding: tokens.spacingHorizontalXXL, display: 'grid', gap: tokens.spacingVerticalL },
});

export function App() {
  const styles = useStyles();
  const [demo, setDemo] = useState<boolean | null>(null);
  useEffect(() => {
    void call('app:info', {}).then((info) => setDemo(info.demoTenant));
  }, []);
  return (
    <main className={styles.main}>
      <Title1 as="h1">Connect your Microsoft 365 account</Title1>
      <Body1>
        This assistant gets your account ready for a backup or migration tool: it checks what your account allows,
        guides you through the steps, stores the app password in your system keychain and proves that it works.
      </Body1>
      {demo !== null && <Body1 data-testid="tenant-kind">{demo ? 'Demo tenant' : 'Microsoft 365 account'}</Body1>}
      <Button appearance="primary">Get started</Button>
    </main>
  );
}
