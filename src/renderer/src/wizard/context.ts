import { createContext, useContext } from 'react';
import type { Response } from '../../../shared/ipc/contract';

export type AppInfo = Response<'app:info'>;

export type WizardContextValue = {
  /** What app:info answered; null while the first screen is already up and the answer not yet in. */
  info: AppInfo | null;
  /** Opens the offline guide viewer, at one guide when an id is given. */
  openGuide: (id?: string) => void;
};

export const WizardContext = createContext<WizardContextValue | null>(null);

/** For the first screen and the parts around it, which render before app:info answers. */
export function useFirstScreenContext(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error('useFirstScreenContext outside <Wizard>');
  return value;
}

/** For the screens after Welcome and the guides: Wizard renders them only once app:info has answered. */
export function useWizardContext(): { info: AppInfo; openGuide: (id?: string) => void } {
  const { info, openGuide } = useFirstScreenContext();
  if (!info) throw new Error('useWizardContext before app:info answered');
  return { info, openGuide };
}
