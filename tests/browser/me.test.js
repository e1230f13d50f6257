// My work in Chromium, on the demo portfolio: a member signs in, follows
// "My work" from the header, finds what waits for her, and takes an empty
// box of her role in one click (with a note); the page passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer, TOP } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { assertAccessible, newContext, signIn, submit } from '../lib/pages.js';

const TODAY = '2026-11-23';

let srv, browser;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY } });
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

test('a member finds her work and takes an empty box in one click',
    async () => {
	// axe is injected: the audited context bypasses the CSP.
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, 'ana@example.com', 'demo-member-pass');
	const me = async () => {
		const r = await page.request.get(srv.url + '/api/v1/me');
		assert.equal(r.status(), 200);
		return r.json();
	};
	let m = await me();
	assert.equal(m.person.name, 'Ana Ruiz');
	// An empty DS box on one of her projects, for her to take: one
	// someone else holds, else one of her own (where she keeps another).
	if (m.open_boxes.length === 0) {
		const pids = [...new Set(m.boxes.map((b) => b.project_id))];
		let clear;
		for (const pid of pids) {
			const doc = (await srv.api('GET',
			    `/api/v1/projects/${pid}`)).json;
			const row = doc.ownership.find((r) => r.ds.expected &&
			    r.ds.person?.id !== m.person.id);
			if (row !== undefined) {
				clear = row.ds.person !== null ? [pid, row.key] :
				    null;
				break;
			}
		}
		if (clear === undefined) {
			const pid = pids.find((id) => m.boxes.filter((b) =>
			    b.project_id === id).length > 1);
			assert.ok(pid, 'a project where she holds two boxes');
			clear = [pid, m.boxes.filter((b) => b.project_id ===
			    pid && b.role === 'ds').at(-1).responsibility];
		}
		if (clear !== null) {
			const r = await srv.api('DELETE', '/api/v1/projects/' +
			    `${clear[0]}/ownership/${clear[1]}/ds`);
			assert.equal(r.status, 200, r.text);
		}
		m = await me();
	}
	assert.ok(m.open_boxes.length > 0, 'an empty box of her role');
	const box = m.open_boxes[0];

	await page.getByRole('link', { name: 'My work' }).click();
	await page.waitForURL(/\/me$/);
	assert.equal(await page.locator('h1').innerText(), 'My work');
	assert.match(await page.locator('header .who').innerText(), /Ana Ruiz/);
	for (const c of m.checkpoints.slice(0, 3))
		assert.ok((await page.locator('#my-checkpoints').innerText())
		    .includes(c.title), c.title);
	await screenshot(page, 'me-member');
	await assertAccessible(page, '/me');

	const form = page.locator(`form[action="/projects/${box.project_id}/` +
	    `ownership/${box.responsibility}/${box.role}/take"]`);
	await form.getByLabel('Note (optional)').fill('I have the data');
	await submit(page, form.getByRole('button', { name: 'Take it' }));
	assert.match(page.url(), /\/me#open-boxes$/);
	m = await me();
	assert.ok(m.boxes.some((b) => b.project_id === box.project_id &&
	    b.responsibility === box.responsibility && b.role === box.role));
	assert.ok((await page.locator('#boxes').innerText()).includes(box.name));
	await context.close();
});
