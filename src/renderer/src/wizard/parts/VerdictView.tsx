import { Body1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Verdict } from '../../../../shared/readiness/verdict';
import type { ConnectRoute } from '../../../../shared/routes/route';
import { chooseRoute, routeLabel } from '../route';
import { FactsList, factLabel } from './FactsList';
import { StepList } from './StepList';

const useStyles = makeStyles({
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The verdict for people: the route, the facts, the unknowns and why, the ordered steps, notices. */
export function VerdictView({ verdict, routesOffered }: { verdict: Verdict; routesOffered: readonly ConnectRoute[] }) {
  const styles = useStyles();
  const route = chooseRoute(verdict, routesOffered);
  return (
    <>
      <MessageBar intent={route === 'admin-action' ? 'warning' : 'success'} layout="multiline" data-testid="route">
        <MessageBarBody>
          <strong>The route for you: </strong>
          {routeLabel[route]}
          <div>{verdict.summary}</div>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.block}>
        <Subtitle2 as="h2">What we found</Subtitle2>
        <FactsList facts={verdict.facts} />
      </div>
      {verdict.unknowns.length > 0 && (
        <div className={styles.block} data-testid="unknowns">
          <Subtitle2 as="h2">What we could not find out</Subtitle2>
          <ul className={styles.list}>
            {verdict.unknowns.map((unknown) => (
              <li key={unknown.fact}>
                <strong>{factLabel(unknown.fact)}:</strong> {unknown.why}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.block}>
        <Subtitle2 as="h2">What needs to happen, in order</Subtitle2>
        {verdict.steps.length > 0 ? <StepList steps={verdict.steps} /> : <Body1>Nothing: your account is ready.</Body1>}
      </div>
      {verdict.notices.map((notice) => (
        <MessageBar key={notice} intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
