import { createContext, useContext } from 'react';
import type { Response } from '../../../shared/ipc/contract';

export type AppInfo = Response<'app:info'>;

export type WizardContextValue = {
  info: AppInfo;
  /** Opens the offline guide viewer, at one guide when an id is given. */
  openGuide: (id?: string) => void;
};

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizardContext(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error('useWizardContext outside <Wizard>');
  return value;
}
