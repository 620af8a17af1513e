import { Spinner, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ busy: { justifyContent: 'flex-start' } });

/** A small spinner with its label, aligned with the text around it. */
export function Busy({ label }: { label: string }) {
  return <Spinner size="small" label={label} className={useStyles().busy} />;
}
