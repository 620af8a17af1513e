import { Spinner } from '@fluentui/react-components';

/** Its own module, so Loading can fetch the spinner's code only when something is loading. */
export function LoadingSpinner({ label }: { label: string }) {
  return <Spinner label={label} />;
}
