import { Wizard } from './wizard/Wizard';

/** The renderer's root: the wizard (which also hosts the guide viewer). */
export function App() {
  return <Wizard />;
}
