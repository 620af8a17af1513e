export { createReadinessService, type CreateReadinessServiceOptions } from './readiness-service';
export { gatherReadinessFacts, type GatherOptions } from './gather';
export { createGraphHttp, nextLinkGuard, type GraphHttp, type GraphClientOptions } from './graph-client';
export { readinessBatch, type BatchItemResponse } from './batch-requests';
export { factsFromBatch, type GatheredFacts } from './facts-from-batch';
export { backoffMs, defaultRetryPolicy, parseRetryAfter, retryableStatuses, type RetryPolicy } from './graph-retry';
