import { lazy } from 'react';
import { loadSpinner } from './parts/Loading';

/**
 * Every screen after Welcome, loaded on first use so the first screen starts with its own code
 * only (Wizard renders them under Suspense). preloadScreens fetches them once Welcome is up, so
 * moving on rarely waits.
 */
const importers = {
  AccountCheck: () => import('./screens/AccountCheck').then((module) => ({ default: module.AccountCheck })),
  AppPassword: () => import('./screens/AppPassword').then((module) => ({ default: module.AppPassword })),
  BridgeRoute: () => import('./screens/BridgeRoute').then((module) => ({ default: module.BridgeRoute })),
  Done: () => import('./screens/Done').then((module) => ({ default: module.Done })),
  FixSteps: () => import('./screens/FixSteps').then((module) => ({ default: module.FixSteps })),
  SignIn: () => import('./screens/SignIn').then((module) => ({ default: module.SignIn })),
  Store: () => import('./screens/Store').then((module) => ({ default: module.Store })),
  Verify: () => import('./screens/Verify').then((module) => ({ default: module.Verify })),
};

export const AccountCheck = lazy(importers.AccountCheck);
export const AppPassword = lazy(importers.AppPassword);
export const BridgeRoute = lazy(importers.BridgeRoute);
export const Done = lazy(importers.Done);
export const FixSteps = lazy(importers.FixSteps);
export const SignIn = lazy(importers.SignIn);
export const Store = lazy(importers.Store);
export const Verify = lazy(importers.Verify);

export function preloadScreens(): void {
  for (const load of Object.values(importers)) void load();
  // What stands in while one of them loads, should it still be loading when asked for.
  void loadSpinner();
}
