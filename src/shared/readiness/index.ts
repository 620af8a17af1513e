export * from './verdict';
export { decideReadiness, type ReadinessInput } from './model';
export { guideIds, type GuideId } from './guide-ids';
export { methodName, hasSecondFactor } from './methods';
export { basicAuthOffByDefaultFrom, isBasicAuthOffByDefault, daysUntilBasicAuthOff, retirementNotice } from './retirement';
