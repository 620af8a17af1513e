export { conditionalAccessPolicySchema, parsePolicies, type ConditionalAccessPolicy } from './graph-policy';
export { membershipFromMemberOf, membershipGap, type Membership, type Subject } from './membership';
export { exchangeOnlineAppId } from './targets';
export { evaluatePolicy, type Client, type PolicyFinding } from './evaluate';
export { assessConditionalAccess, conditionalAccessRequiresMfa, type PolicyRead } from './assess';
