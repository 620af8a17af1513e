import { Body1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Verdict } from '../../../../shared/readiness/verdict';
import type { ConnectRoute } from '../../../../shared/routes/route';
import { chooseRoute, routeLabel } from '../route';
import { factLabel, splitSteps } from '../../../../shared/readiness/wording';
import { FactsList } from './FactsList';
import { StepList } from './StepList';

const useStyles = makeStyles({
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The verdict for people: the route, the facts, the unknowns and why, the ordered steps, notices. */
export function VerdictView({ verdict, routesOffered }: { verdict: Verdict; routesOffered: readonly ConnectRoute[] }) {
  const styles = useStyles();
  const route = chooseRoute(verdict, routesOffered);
  const { path, other } = splitSteps(verdict.steps);
  // Several facts unknown for one reason (a regular user may not read policies): say it once.
  const unknowns = new Map<string, string[]>();
  for (const unknown of verdict.unknowns) unknowns.set(unknown.why, [...(unknowns.get(unknown.why) ?? []), factLabel(unknown.fact)]);
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
            {[...unknowns].map(([why, facts]) => (
              <li key={why}>
                <strong>{facts.join(', ')}:</strong> {why}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.block}>
        <Subtitle2 as="h2">The recommended path</Subtitle2>
        {path.length > 0 ? <StepList steps={path} /> : <Body1>Nothing: your account is ready.</Body1>}
        {other.length > 0 && (
          <Body1>
            {other.length === 1 ? 'One other option, which applies' : `${other.length} other options, which apply`} only if
            this path does not work, {other.length === 1 ? 'is' : 'are'} on the next screen.
          </Body1>
        )}
      </div>
      {verdict.notices.map((notice) => (
        <MessageBar key={notice} intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
