// readme-screenshots.mjs: the screenshots the README shows, regenerated
// from the demo portfolio.  Run by hand (not by make test), from the top
// of the checkout, after building the module:
//
//   make module
//   tests/lib/with-cluster.sh node tests/browser/readme-screenshots.mjs
//
// It starts the real server on a throwaway database (HANDOFF_TODAY pinned,
// 2026-11-23 unless set), loads the demo seed with src/tools/seed.sh (the
// data `make run` shows), signs in as the demo PM (maya@example.com) and
// saves, 1280 px wide and cut at 1600 px:
//
//   assets/screenshot-portfolio.png   /
//   assets/screenshot-project.png     /projects/{Card fraud flags}
//   assets/screenshot-digest.png      /digest (this week)
//
// HANDOFF_MODULE picks another build (default .build/handoff.so).  The
// images are committed; they are not served (the Makefile leaves *.png
// out of the embedded assets).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { startServer, TOP } from '../lib/harness.js';
import { launch } from '../lib/browser.js';
import { signIn, visit } from '../lib/pages.js';

const TODAY = process.env.HANDOFF_TODAY || '2026-11-23';
const WIDTH = 1280;
const MAX_HEIGHT = 1600;

process.env.HANDOFF_MODULE ??= join(TOP, '.build/handoff.so');

const srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
let browser;
try {
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY } });

	browser = await launch();
	const context = await browser.newContext({
		viewport: { width: WIDTH, height: 900 },
		deviceScaleFactor: 1,
	});
	const page = await context.newPage();
	await signIn(page, srv, 'maya@example.com', 'demo-pm-pass');

	const shoot = async (path, file) => {
		await visit(page, srv, path);
		const height = await page.evaluate(() =>
		    document.documentElement.scrollHeight);
		const out = join(TOP, 'assets', file);
		await page.screenshot({ path: out, fullPage: true, clip: {
		    x: 0, y: 0, width: WIDTH,
		    height: Math.min(height, MAX_HEIGHT) } });
		console.log(`${out} (${path}, ${WIDTH}x` +
		    `${Math.min(height, MAX_HEIGHT)})`);
	};

	await shoot('/', 'screenshot-portfolio.png');

	const fraud = page.locator('table.portfolio a', { hasText:
	    'Card fraud flags' });
	assert.equal(await fraud.count(), 1, 'the demo has Card fraud flags');
	await shoot(await fraud.getAttribute('href'),
	    'screenshot-project.png');

	await shoot('/digest', 'screenshot-digest.png');
	await context.close();
} finally {
	await browser?.close();
	await srv.stop();
}
