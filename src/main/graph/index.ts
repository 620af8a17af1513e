export { createReadinessService, type CreateReadinessServiceOptions } from './readiness-service';
export { gatherReadinessFacts, createGraphClient, type GatherOptions } from './gather';
export { readinessBatch, type BatchItemResponse } from './batch-requests';
export { factsFromBatch, type GatheredFacts } from './facts-from-batch';
export { defaultRetryPolicy, retryAfterMs, type RetryPolicy } from './retry';
export { createHeadlessServices } from './headless';
