import { AccountCheck, AppPassword, BridgeRoute, Done, FixSteps, SignIn, Store, Verify } from './lazy-screens';
import { Welcome } from './screens/Welcome';
import { assertNever } from './steps';
import type { WizardNavigation } from './useWizard';

/** One screen per step; the switch is exhaustive, so a new step kind fails to compile until handled. */
export function CurrentScreen({ navigation }: { navigation: WizardNavigation }) {
  const { step, go, back } = navigation;
  switch (step.kind) {
    case 'welcome':
      return (
        <Welcome
          onNext={() => go({ kind: 'sign-in' })}
          onResume={(resume, account, verdict) => {
            const base = { account, verdict };
            if (resume === 'test-again') go({ ...base, kind: 'verify' }, ['sign-in', 'account-check', 'fix-steps', 'app-password', 'store']);
            else go({ ...base, kind: 'app-password' }, ['sign-in', 'account-check', 'fix-steps']);
          }}
        />
      );
    case 'sign-in':
      return <SignIn step={step} onBack={back} onNext={(account) => go({ kind: 'account-check', account })} />;
    case 'account-check':
      return (
        <AccountCheck
          step={step}
          onBack={back}
          onNext={(verdict) => go({ ...step, kind: 'fix-steps', verdict })}
          onBridge={(verdict) => go({ ...step, kind: 'bridge-oauth-test', verdict })}
        />
      );
    case 'fix-steps':
      return <FixSteps step={step} onBack={back} go={go} />;
    case 'app-password':
      return (
        <AppPassword
          step={step}
          onBack={back}
          onNext={(password) => go({ ...step, kind: 'store', password })}
          onUseStored={() => go({ ...step, kind: 'verify' })}
        />
      );
    case 'store': {
      const { password: _password, ...rest } = step;
      return (
        <Store
          step={step}
          onBack={back}
          onNext={() => navigation.replace({ ...rest, kind: 'verify' })}
          onSkipToTest={() => navigation.replace({ ...rest, kind: 'verify' })}
        />
      );
    }
    case 'verify':
      return (
        <Verify
          step={step}
          onBack={back}
          onNext={(proven) => go({ ...step, kind: 'done', proven })}
          onBridge={() => go({ ...step, kind: 'bridge-oauth-test' })}
        />
      );
    case 'done':
      return <Done step={step} onBack={back} onRestart={navigation.restart} />;
    case 'bridge-oauth-test':
    case 'bridge-start':
    case 'bridge-done':
      return <BridgeRoute step={step} navigation={navigation} />;
    default:
      return assertNever(step);
  }
}
