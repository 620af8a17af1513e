export { createSelfClearingClipboard, clipboardClearDelayMs, type SelfClearingClipboard, type Timer } from './self-clearing-copy';
