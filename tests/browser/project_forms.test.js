// The project page's checkpoint forms in Chromium, at 390 px (a phone)
// and 1280 px (a laptop), on the demo (src/tools/seed.sh): a PM adds a
// checkpoint, sets its owner and evidence link, and sees the link in the
// checkpoint's row.  Every step by clicking and typing, the page without
// sideways scroll (scrollWidth is the viewport's width) and axe-core
// passing, with the forms closed and open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer, TOP } from '../lib/harness.js';
import { launch } from '../lib/browser.js';
import { assertAccessible, newContext, personRef, signIn, submit, visit }
    from
    '../lib/pages.js';

const TODAY = '2026-11-23';
const PM = ['maya@example.com', 'demo-pm-pass'];

let srv, browser, project, ana;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY } });
	const r = await srv.api('GET', '/api/v1/projects?limit=50');
	assert.equal(r.status, 200, r.text);
	project = r.json.projects.find((x) => x.name.startsWith('Instant-loan'));
	assert.ok(project, 'the demo project');
	const people = await srv.api('GET', '/api/v1/people?limit=200');
	ana = people.json.people.find((x) => x.email === 'ana@example.com');
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

async function assertNoSideways(page, width, what) {
	const s = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth }));
	assert.equal(s.clientWidth, width);
	assert.equal(s.scrollWidth, s.clientWidth, `${what} at ${width} px ` +
	    'scrolls sideways');
}

async function checkPage(page, width, what) {
	await assertNoSideways(page, width, what);
	await assertAccessible(page, `${what} at ${width} px`);
}

for (const width of [390, 1280]) {
	test(`a PM adds a checkpoint, its owner and evidence link at ${width} px`,
	    async () => {
		const context = await newContext(browser, { bypassCSP: true,
		    viewport: { width, height: 844 } });
		const page = await context.newPage();
		await signIn(page, srv, ...PM);
		await visit(page, srv, `/projects/${project.id}`,
		    `project-forms-${width}`);
		await checkPage(page, width, 'the project page');

		// Add: the form is behind its disclosure.
		const add = page.locator('#form-checkpoint-new');
		assert.equal(await add.isVisible(), false, 'closed at first');
		await page.getByText('Add a checkpoint', { exact: true })
		    .click();
		await checkPage(page, width, 'the add form open');
		const title = `Shadow traffic compared (${width})`;
		await page.locator('#checkpoint-new-title').fill(title);
		await page.locator('#checkpoint-new-stage')
		    .selectOption('production');
		await page.locator('#checkpoint-new-due').fill('2026-12-18');
		await submit(page, add.getByRole('button',
		    { name: 'Add the checkpoint' }));
		const url = new URL(page.url());
		assert.equal(url.pathname, `/projects/${project.id}`);
		const id = /^#checkpoint-(\d+)$/.exec(url.hash)?.[1];
		assert.ok(id, `the page returns to the new row: ${url.hash}`);
		const row = page.locator(`#checkpoint-${id}`);
		assert.match(await row.innerText(), new RegExp(title
		    .replace(/[()]/g, '\\$&')));

		// Its owner and evidence link.
		const form = page.locator(`#form-cp-${id}-owner`);
		await page.locator(`tr:has(#form-cp-${id}-owner) summary`,
		    { hasText: 'Owner and evidence link' }).click();
		await page.locator(`#cp-${id}-owner-owner`).fill(personRef(ana));
		const link = `https://wiki.example.com/shadow-${width}`;
		await page.locator(`#cp-${id}-owner-evidence`).fill(link);
		await checkPage(page, width, 'the owner form open');
		await submit(page, form.getByRole('button',
		    { name: 'Save owner and link' }));

		// Shown: the owner in the row, the link as a link.
		const after = page.locator(`#checkpoint-${id}`);
		assert.match(await after.locator('td[data-label="Owner"]')
		    .innerText(), new RegExp(ana.name));
		const a = after.getByRole('link', { name: 'Evidence' });
		assert.equal(await a.getAttribute('href'), link);
		assert.ok(await a.isVisible());
		await checkPage(page, width, 'the page with the link');

		const c = await srv.api('GET', `/api/v1/checkpoints/${id}`);
		assert.equal(c.json.owner.id, ana.id);
		assert.equal(c.json.evidence_url, link);
		assert.equal(c.json.stage, 'production');
		assert.deepEqual(context.errors, []);
		await context.close();
	});
}
