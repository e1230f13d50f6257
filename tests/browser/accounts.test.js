// The accounts page and the deactivation page (issue 14, items 4 and 5) in
// Chromium, on the demo (sql/demo/seed.sql through src/tools/seed.sh), at
// 390 px (a phone) and 1280 px (a laptop):
//
//   - an admin creates an account linked to a person through the form on
//     /accounts, and the new account signs in as that person;
//   - /accounts and /people/{id}/deactivate never scroll sideways
//     (scrollWidth == clientWidth), with every <details> closed and open,
//     and pass axe-core.
//
// Screenshots land in tests/output/ (accounts-390-*, accounts-1280-*).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer, TOP } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { assertAccessible, newContext, signIn, submit, unlabelledFields,
    visit } from '../lib/pages.js';

const TODAY = '2026-11-23';		// a Monday; the demo is dated from it
const ADMIN = ['admin@example.com', 'demo-admin-pass'];
const WIDTHS = [390, 1280];

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

// The page's width against its viewport's, with what sticks out.
async function assertNoSideways(page, width, what) {
	const s = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
		out: [...document.querySelectorAll('body *')].filter((el) =>
		    el.getBoundingClientRect().right > window.innerWidth + 0.5)
		    .slice(0, 5).map((el) => el.tagName.toLowerCase() +
		    (el.id ? '#' + el.id : '')),
	}));
	assert.equal(s.clientWidth, width, 'the viewport asked for');
	assert.equal(s.scrollWidth, s.clientWidth, `${what} at ${width} px ` +
	    `scrolls sideways; sticking out: ${s.out.join(', ')}`);
}

async function check(page, width, path, what, shot) {
	await visit(page, srv, path, `accounts-${width}-${shot}`);
	await assertNoSideways(page, width, what);
	await assertAccessible(page, `${what} at ${width} px`);
	assert.deepEqual(await unlabelledFields(page), [],
	    `${what}: every field has a label`);
	await page.evaluate(() => document.querySelectorAll('details')
	    .forEach((d) => { d.open = true; }));
	await assertNoSideways(page, width, `${what} with every form open`);
	await assertAccessible(page, `${what} at ${width} px, every form open`);
}

// A person of the demo whom no account stands for yet.
async function personWithoutAccount(taken) {
	const users = (await srv.api('GET', '/api/v1/users')).json.users;
	const people = (await srv.api('GET', '/api/v1/people?limit=200'))
	    .json.people;
	const p = people.find((x) => x.active && !taken.has(x.id) &&
	    !users.some((u) => u.person_id === x.id));
	assert.ok(p, 'the demo has people without an account');
	taken.add(p.id);
	return p;
}

const taken = new Set();

for (const width of WIDTHS) {
	test(`an admin creates an account linked to a person at ${width} px`,
	    async () => {
		const context = await newContext(browser, { bypassCSP: true,
		    viewport: { width, height: 844 } });
		const page = await context.newPage();
		await signIn(page, srv, ...ADMIN);
		await check(page, width, '/accounts', 'the accounts page',
		    'page');

		const person = await personWithoutAccount(taken);
		const email = `browser-${width}@example.com`;
		await visit(page, srv, '/accounts');
		await page.getByText('Create an account').click();
		const form = page.locator('#form-new-account');
		await form.getByLabel('Email').fill(email);
		await form.getByLabel('Name').fill(`Browser ${width}`);
		await form.getByLabel('Role').selectOption('member');
		await form.getByLabel('Linked person').selectOption({
		    label: `${person.name} (${person.role}, ${person.email})` });
		await form.getByLabel('Initial password')
		    .fill('browser-made-password');
		await screenshot(page, `accounts-${width}-filled`);
		await submit(page, form.getByRole('button',
		    { name: 'Create the account' }));
		const url = new URL(page.url());
		assert.equal(url.pathname, '/accounts');
		const id = /^#user-(\d+)$/.exec(url.hash)?.[1];
		assert.ok(id, `back at the new account's row: ${page.url()}`);
		const row = page.locator(`#user-${id}`);
		assert.match(await row.innerText(), new RegExp(person.name));
		assert.match(await row.innerText(), new RegExp(email));
		await assertNoSideways(page, width, 'the accounts page after');
		const u = (await srv.api('GET', '/api/v1/users')).json.users
		    .find((x) => x.id === Number(id));
		assert.equal(u.person_id, person.id);
		assert.deepEqual(context.errors, []);
		await context.close();

		// The new account signs in, and is that person.
		const other = await newContext(browser,
		    { viewport: { width, height: 844 } });
		const p2 = await other.newPage();
		await signIn(p2, srv, email, 'browser-made-password');
		assert.match(await p2.locator('header.top .who').innerText(),
		    new RegExp(person.name));
		await other.close();
	});

	test(`the deactivation page at ${width} px`, async () => {
		const context = await newContext(browser, { bypassCSP: true,
		    viewport: { width, height: 844 } });
		const page = await context.newPage();
		await signIn(page, srv, ...ADMIN);
		// Whoever holds the most boxes in the demo.
		const people = (await srv.api('GET', '/api/v1/people?limit=200'))
		    .json.people.filter((p) => p.active);
		let best = null;
		for (const p of people) {
			const d = (await srv.api('GET',
			    `/api/v1/people/${p.id}/deactivation`)).json;
			if (best === null || d.boxes.length > best.boxes.length)
				best = d;
		}
		assert.ok(best.boxes.length > 0, 'someone holds boxes');
		await check(page, width, `/people/${best.person.id}/deactivate`,
		    'the deactivation page', 'deactivate');
		assert.equal(await page.locator('select[name^="to:"]').count(),
		    best.boxes.length + best.checkpoints.length +
		    best.handoffs.length);
		assert.deepEqual(context.errors, []);
		await context.close();
	});
}
