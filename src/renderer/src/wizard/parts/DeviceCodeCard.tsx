import { Body1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { OpenPageButton } from '../../ipc/OpenPageButton';
import { CopyButton } from './CopyButton';

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
        <OpenPageButton url={info.verificationUri} label="Open the page" size="small" />
      </div>
      <Text size={200}>The code expires at {new Date(info.expiresAt).toLocaleTimeString()}.</Text>
    </Card>
  );
}
