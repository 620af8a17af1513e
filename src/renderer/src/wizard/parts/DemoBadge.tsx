import { Badge } from '@fluentui/react-components';
import { BeakerRegular } from '@fluentui/react-icons/svg/beaker';

/** Says this copy connects to the simulated demo tenant. */
export function DemoBadge() {
  return (
    <Badge appearance="filled" color="warning" size="large" icon={<BeakerRegular />} data-testid="demo-badge">
      Demo tenant
    </Badge>
  );
}
