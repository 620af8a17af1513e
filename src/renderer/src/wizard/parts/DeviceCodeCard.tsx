import { Body1, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { call } from '../../api';
import { toErrorShape } from '../errors';
import { CopyButton } from './CopyButton';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    letterSpacing: '0.15em',
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** The device code and where to enter it, on this or another device. */
export function DeviceCodeCard({ info }: { info: EventPayload<'auth:device-code'> }) {
  const styles = useStyles();
  const [openError, setOpenError] = useState<AppErrorShape | null>(null);
  return (
    <Card className={styles.card} data-testid="device-code">
      <Body1>On any device, open the page below and enter this code:</Body1>
      <div className={styles.row}>
        <Text className={styles.code} aria-label={`Code: ${info.userCode.split('').join(' ')}`}>
          {info.userCode}
        </Text>
        <CopyButton text={info.userCode} label="the code" sensitive />
      </div>
      <div className={styles.row}>
        <Text>{info.verificationUri}</Text>
        <Button
          size="small"
          icon={<OpenRegular />}
          onClick={() => void call('shell:open-external', { url: info.verificationUri }).then(
            () => setOpenError(null),
            (error: unknown) => setOpenError(toErrorShape(error)),
          )}
        >
          Open the page
        </Button>
      </div>
      {openError && <ErrorMessage error={openError} title="The page did not open" />}
      <Text size={200}>The code expires at {new Date(info.expiresAt).toLocaleTimeString()}.</Text>
    </Card>
  );
}
