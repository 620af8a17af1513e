import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/shell/chromium';

export const launchTestBrowser = (): Promise<Browser> => launchChromium({ headless: true });
