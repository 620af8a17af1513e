import { Body1, Button, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { PlugConnectedRegular } from '@fluentui/react-icons/svg/plug-connected';

const useStyles = makeStyles({ card: { display: 'grid', gap: tokens.spacingVerticalS } });

/**
 * The third route, for tools that only know "server, user name, password": the bridge on this
 * computer takes that password and signs in to Microsoft 365 with OAuth on the tool's behalf.
 */
export function BridgeOffer({ onChoose, reason }: { onChoose: () => void; reason?: string }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid="bridge-offer">
      <CardHeader header={<Subtitle2 as="h2">My tool only takes a password</Subtitle2>} />
      <Body1>
        {reason ? `${reason} ` : ''}The bridge runs on this computer: your tool logs in to it with a user name and a
        bridge password, and the bridge signs in to Microsoft 365 with OAuth for it. No app password needed.
      </Body1>
      <div>
        <Button icon={<PlugConnectedRegular />} onClick={onChoose}>
          Use the bridge
        </Button>
      </div>
    </Card>
  );
}
