import type { GuideId } from '../readiness/guide-ids';
import type { IllustrationId } from './illustrations/ids';

export type { GuideId } from '../readiness/guide-ids';
export type { IllustrationId } from './illustrations/ids';

export type Audience = 'user' | 'admin';

/** A Microsoft page the step happens on; opened in the system browser (allowlisted hosts only). */
export type DeepLink = { label: string; url: string };

export type GuideStep = {
  /** One action, in the imperative. UI labels are quoted exactly as the page shows them. */
  text: string;
  /** What the user sees or must know at this step (older paths, gotchas). */
  note?: string;
  link?: DeepLink;
  illustration?: IllustrationId;
  /** A small two-column table: what to type where (e.g. a tool's settings). */
  table?: { caption: string; rows: readonly (readonly [string, string])[] };
};

/** Where a procedure came from and what it was checked against; shown as text, never fetched. */
export type GuideSource = { label: string; url?: string };

export type Guide = {
  id: GuideId;
  title: string;
  audience: Audience;
  /** One or two sentences: what this achieves and when it is needed. */
  summary: string;
  prerequisites: string[];
  steps: GuideStep[];
  /** Shown before the steps: risks, side effects, things that cannot be undone. */
  warnings: string[];
  /** True when following the guide weakens the account's or tenant's protection. */
  lowersSecurity: boolean;
  /** The route to try first when this guide lowers security. */
  saferAlternative?: GuideId;
  /** Where older articles and screenshots put this, so a reader holding one is not lost. */
  formerly?: string;
  related: GuideId[];
  sources: GuideSource[];
};
