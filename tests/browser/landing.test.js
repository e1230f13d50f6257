// Browser smoke test: the landing page as a person sees it in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';

let srv, browser;

before(async () => {
	srv = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

test('the landing page renders styled, with working navigation', async () => {
	const page = await browser.newPage();
	const errors = [];
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', (e) => errors.push(e.message));

	// Nobody signed in: the portfolio sends the browser to sign in first.
	await srv.account('pm@example.com', 'pm', 'browser-pass-1');
	await page.goto(srv.url + '/');
	assert.equal(new URL(page.url()).pathname, '/login');
	await screenshot(page, 'login');
	await page.fill('#login-email', 'pm@example.com');
	await page.fill('#login-password', 'browser-pass-1');
	await Promise.all([page.waitForNavigation(),
	    page.click('button[type=submit]')]);
	assert.equal(new URL(page.url()).pathname, '/');
	assert.equal(await page.title(), 'Portfolio · handoff');
	assert.equal(await page.locator('h1').innerText(), 'Portfolio');
	assert.match(await page.locator('.lede').innerText(),
	    /keeps ML projects honest about who owns what/);

	// The stylesheet from assets/ applied (not a browser default).
	const bg = await page.locator('header.top').evaluate((el) =>
	    getComputedStyle(el).backgroundColor);
	assert.equal(bg, 'rgb(29, 35, 48)');

	const nav = await page.locator('nav a').allInnerTexts();
	// (A PM: the templates are theirs to edit.)
	assert.deepEqual(nav, ['Portfolio', 'My work', 'Weekly digest',
	    'People', 'Kick off a project', 'Templates']);

	// Keyboard: the first Tab lands on the skip link, which is visible then.
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.className),
	    'skip');

	await screenshot(page, 'landing');
	assert.deepEqual(errors, [], 'no console errors (e.g. CSP violations)');
	await page.close();
});
