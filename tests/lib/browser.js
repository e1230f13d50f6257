// Chromium for the browser tests: Debian's /usr/bin/chromium driven by
// playwright-core (its own browser download cannot work here).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOP } from './harness.js';

export const OUTPUT = join(TOP, 'tests/output');

export async function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
		    '--no-first-run', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-dev-shm-usage'],
	});
}

// Every page a test visits is saved for a person to look at.
export async function screenshot(page, name) {
	mkdirSync(OUTPUT, { recursive: true });
	await page.screenshot({ path: join(OUTPUT, `${name}.png`),
	    fullPage: true });
}
