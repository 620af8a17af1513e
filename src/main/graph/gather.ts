import type { Client } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici';
import * as z from '../../shared/zod';
import { answerTooLarge, notSignedIn, unreachable } from '../../shared/errors/catalogue';
import { AppError } from '../../shared/ipc/app-error';
import { readinessBatch, type BatchItemResponse, type BatchRequest } from './batch-requests';
import { factsFromBatch, type GatheredFacts } from './facts-from-batch';
import { createGraphHttp, graphPostBeta } from './graph-client';
import { abortableSleep, backoffMs, defaultRetryPolicy, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './graph-retry';
import { GraphTransportError, ResponseTooLargeError } from './graph-middleware';

export type GatherOptions = {
  graphBaseUrl: string;
  accessToken: string;
  /** The signed-in user's object id from the token, for Conditional Access targeting. */
  userId: string | null;
  dispatcher: Dispatcher;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Largest $batch answer read (default 32 MB). */
  maxBodyBytes?: number;
};

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.optional(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

/**
 * Gathers the readiness facts in one `$batch` round trip. Items that Graph throttles inside
 * the batch (429/503 per item) are asked again, alone, after their Retry-After, within the
 * same bounded budget; a 403 is an answer, not an error.
 */
export async function gatherReadinessFacts(options: GatherOptions): Promise<GatheredFacts> {
  const policy = options.retry ?? defaultRetryPolicy;
  const sleep = policy.sleep ?? abortableSleep;
  const { client } = createGraphHttp({
    graphBaseUrl: options.graphBaseUrl,
    token: async () => options.accessToken,
    dispatcher: options.dispatcher,
    retry: policy,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });

  const answers = new Map<string, BatchItemResponse>();
  let pending: readonly BatchRequest[] = readinessBatch;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const items = await postBatch(client, pending);
    for (const item of items) answers.set(item.id, item);
    const throttled = items.filter((item) => isRetryableStatus(item.status));
    if (throttled.length === 0 || attempt >= policy.maxAttempts) break;
    const wait = Math.max(...throttled.map((item) => parseRetryAfter(headerOf(item, 'retry-after')) ?? backoffMs(attempt - 1, policy.defaultWaitMs)));
    if (wait > policy.maxWaitMs) break;
    await sleep(wait);
    const again = new Set(throttled.map((item) => item.id));
    pending = pending.filter((request) => again.has(request.id));
  }
  return factsFromBatch([...answers.values()], options.userId);
}

async function postBatch(client: Client, requests: readonly BatchRequest[]): Promise<BatchItemResponse[]> {
  let response: Response;
  try {
    response = await graphPostBeta(client, '/$batch', { requests });
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw answerTooLarge('Microsoft Graph', error.limitBytes);
    const cause = error instanceof GraphTransportError ? error.causeCode : 'network error';
    throw unreachable('Microsoft Graph', cause, 'Check your internet connection (and proxy or firewall), then run the check again.');
  }
  if (!response.ok) throw await batchFailed(response);
  const parsed = batchResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new AppError({
      code: 'graph-failed',
      message: 'Microsoft Graph gave an answer the app could not read.',
      nextStep: 'Run the check again; if it keeps happening, report it.',
    });
  }
  return parsed.data.responses;
}

async function batchFailed(response: Response): Promise<AppError> {
  await response.body?.cancel();
  if (isRetryableStatus(response.status)) {
    const wait = parseRetryAfter(response.headers.get('retry-after'));
    const seconds = wait !== null ? Math.ceil(wait / 1000) : null;
    const when = seconds !== null ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a few minutes';
    return new AppError({
      code: 'graph-failed',
      message: `Microsoft Graph is busy (HTTP ${response.status}) and kept asking to wait.`,
      nextStep: `Run the check again ${when}.`,
    });
  }
  if (response.status === 401) return notSignedIn({ graphRefused: 'HTTP 401' });
  return new AppError({
    code: 'graph-failed',
    message: `Microsoft Graph refused the readiness check (HTTP ${response.status}).`,
    nextStep: 'Run the check again later; if it keeps happening, ask your admin.',
  });
}

function headerOf(item: BatchItemResponse, name: string): string | undefined {
  if (!item.headers) return undefined;
  const key = Object.keys(item.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : item.headers[key];
}
