// The whole job in the browser (issue 14, "What done looks like"), the same
// journey at 1280 px (a laptop) and at 390 px (a phone), each on a fresh
// server and database:
//
//   1. a PM kicks off a project (the kickoff form), fills the whole matrix
//      in one save (leaving two MLE boxes empty), copies ownership from
//      another project (which fills one of them), moves the launch with a
//      reason, pauses and reactivates the project (reason, confirmation);
//   2. a member finds what waits for him on My work (an empty box of his
//      role, a checkpoint he owns, a handoff offered to him), takes the box
//      in one click, and marks the checkpoint done with an evidence link
//      (the owner and evidence form, then the status form);
//   3. the named receiver accepts the handoff; another member is offered
//      no Accept button and is refused by the API;
//   4. an admin creates an account linked to a person on /accounts, and
//      that account signs in as the person.
//
// Every person signs in through /login with an account of their own
// (linked to their person by email).  What the journey says already
// exists (the team, the other project, the handoff offer, the checkpoint's
// owner) is made through the API.  Every step checks the page or the API.
// Screenshots land in tests/output/ (all-1280-*, all-390-*).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { asPerson } from '../lib/fixtures.js';
import { addDays, makePeople, newContext, optionLabel, personRef, signIn,
    submit } from
    '../lib/pages.js';

const TODAY = '2026-03-02';		// a Monday
const servers = [];
let browser;

after(async () => {
	await browser?.close();
	for (const s of servers)
		await s.stop();
});

async function ok(srv, method, path, body, headers) {
	const r = await srv.api(method, path, body, headers);
	assert.ok(r.status >= 200 && r.status < 300,
	    `${method} ${path}: ${r.status} ${r.text}`);
	return r.json;
}

// The page as the width asks: no sideways scroll.
async function assertNoSideways(page, width, what) {
	const s = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth }));
	assert.equal(s.clientWidth, width, 'the viewport asked for');
	assert.equal(s.scrollWidth, s.clientWidth, `${what} at ${width} px ` +
	    'scrolls sideways');
}

async function signedIn(srv, width, email, password) {
	const context = await newContext(browser,
	    { viewport: { width, height: 844 } });
	const page = await context.newPage();
	await signIn(page, srv, email, password);
	return { context, page };
}

for (const width of [1280, 390]) {
	test(`the whole job in the browser at ${width} px`, async () => {
		const shot = (page, name) => screenshot(page,
		    `all-${width}-${name}`);
		const srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
		servers.push(srv);
		browser ??= await launch();

		// The team, with accounts that are them (matched by email).
		const team = await makePeople(srv, [['Paula Park', 'pm'],
		    ['Dana Diaz', 'ds'], ['Milo Marsh', 'mle'],
		    ['Sara Stone', 'swe'], ['Omar Okoro', 'mle'],
		    ['Nina Novak', 'ds']]);
		await srv.account('paula.park@example.com', 'pm', 'all-pm-pass');
		await srv.account('omar.okoro@example.com', 'member',
		    'all-member-pass');
		await srv.account('sara.stone@example.com', 'member',
		    'all-other-pass');
		await srv.account('admin@example.com', 'admin', 'all-admin-pass');
		const other = await ok(srv, 'POST', '/api/v1/projects', {
			name: 'Churn prediction', pm_id: team['Paula Park'].id,
			kickoff_on: TODAY, target_launch_on: '2026-06-01' });
		await ok(srv, 'PUT', `/api/v1/projects/${other.id}/ownership/` +
		    'model_serving/mle', { person_id: team['Omar Okoro'].id });

		// 1. The PM ----------------------------------------------------
		const pm = await signedIn(srv, width, 'paula.park@example.com',
		    'all-pm-pass');
		let page = pm.page;
		assert.match(await page.locator('header.top .who').innerText(),
		    /Paula Park/);

		// Kick off, from the navigation.
		await submit(page, page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Kick off a project' }));
		assert.equal(new URL(page.url()).pathname, '/projects/new');
		await assertNoSideways(page, width, 'the kickoff form');
		assert.equal(await page.getByLabel('Kickoff date').inputValue(),
		    TODAY);
		const launch0 = addDays(TODAY, 70);
		assert.equal(await page.getByLabel('Target launch').inputValue(),
		    launch0);
		const name = `Fraud flags ${width}`;
		await page.getByLabel('Project name').fill(name);
		await page.getByLabel('PM', { exact: true }).selectOption({
		    label: optionLabel(team['Paula Park']) });
		await page.getByLabel('Decision the model makes').fill(
		    'Hold a card payment for manual review');
		await submit(page, page.getByRole('button', { name: 'Kick off' }));
		const path = new URL(page.url()).pathname;
		const id = Number(/^\/projects\/(\d+)$/.exec(path)?.[1]);
		assert.ok(id > 0, `the new project's page: ${page.url()}`);
		assert.equal(await page.locator('h1').innerText(), name);
		await shot(page, 'kicked-off');
		await assertNoSideways(page, width, 'the new project');
		// The page shows state first: the spec and stage forms are
		// behind their disclosures.
		assert.equal(await page.locator('#form-spec').isVisible(), false);
		assert.equal(await page.locator('#form-stage').isVisible(),
		    false);
		let doc = await ok(srv, 'GET', `/api/v1/projects/${id}`);
		assert.equal(doc.name, name);
		assert.equal(doc.pm.id, team['Paula Park'].id);

		// The whole matrix in one save, each box to its role's person,
		// except Model serving's MLE box (copied below) and one more
		// MLE box (the member takes it).
		const mle = doc.ownership.filter((r) => r.mle.expected)
		    .map((r) => r.key);
		assert.ok(mle.includes('model_serving'), mle.join());
		const open = mle.find((k) => k !== 'model_serving');
		const leave = [`model_serving/mle`, `${open}/mle`];
		await page.getByText('Edit the whole matrix in one save').click();
		const form = page.locator('#form-matrix');
		const selects = form.locator('input[list="people"]');
		const n = await selects.count();
		assert.ok(n >= 20, `${n} boxes`);
		const who = { ds: 'Dana Diaz', mle: 'Milo Marsh',
		    swe: 'Sara Stone' };
		for (let i = 0; i < n; i++) {
			const s = selects.nth(i);
			const box = await s.getAttribute('name');
			if (leave.includes(box))
				continue;
			await s.fill(personRef(team[who[box.split('/')[1]]]));
		}
		await assertNoSideways(page, width, 'the matrix form');
		await shot(page, 'matrix-filled');
		await submit(page, form.getByRole('button',
		    { name: 'Save the matrix' }));
		assert.equal(new URL(page.url()).hash, '#ownership');
		assert.equal(await page.locator('table.matrix td.cell-empty')
		    .count(), 2, 'the two boxes left empty');
		doc = await ok(srv, 'GET', `/api/v1/projects/${id}`);
		const held = (d) => d.ownership.flatMap((r) => ['ds', 'mle',
		    'swe'].filter((x) => r[x].person !== null).map((x) =>
		    `${r.key}/${x}`));
		assert.equal(held(doc).length, n - 2);
		assert.equal(doc.ownership.find((r) => r.key === 'problem_framing')
		    ?.ds.person?.id, team['Dana Diaz'].id);

		// Copy ownership from Churn prediction: Omar fills Model
		// serving; the boxes already held stay as they are.
		await page.getByText('Copy ownership from another project')
		    .click();
		await page.getByLabel('Copy from').selectOption({
		    label: 'Churn prediction' });
		await submit(page, page.getByRole('button',
		    { name: 'Copy ownership' }));
		doc = await ok(srv, 'GET', `/api/v1/projects/${id}`);
		assert.equal(doc.ownership.find((r) => r.key === 'model_serving')
		    .mle.person?.id, team['Omar Okoro'].id);
		assert.equal(held(doc).length, n - 1);
		assert.equal(await page.locator('table.matrix td.cell-empty')
		    .count(), 1, 'only the box for the member is left');

		// Move the launch, with its reason.
		const launch1 = addDays(launch0, 14);
		await page.getByText('Edit name, PM and dates').click();
		await page.locator('#project-target_launch_on').fill(launch1);
		await page.getByLabel('Reason for a new launch date')
		    .fill('Vendor data two weeks late');
		await submit(page, page.getByRole('button',
		    { name: 'Save the project' }));
		assert.match(await page.locator('.facts').innerText(),
		    new RegExp(`target launch ${launch1}`));
		assert.match(await page.locator('.launch-moves').innerText(),
		    /Vendor data two weeks late/);
		assert.equal((await ok(srv, 'GET', `/api/v1/projects/${id}`))
		    .target_launch_on, launch1);

		// Pause (reason and confirmation), then reactivate.
		await page.getByText('Pause, ship or cancel').click();
		await page.locator('#project-status-status')
		    .selectOption('paused');
		await page.locator('#project-status-reason').fill('Budget review');
		await page.getByLabel(/Yes, change the status/).check();
		await submit(page, page.getByRole('button',
		    { name: 'Change the status' }));
		assert.match(await page.locator('.status-note').innerText(),
		    new RegExp(`Paused since ${TODAY}: its risks are not ` +
		    'counted'));
		assert.equal((await ok(srv, 'GET', `/api/v1/projects/${id}`))
		    .status, 'paused');
		await shot(page, 'paused');
		await page.locator('#edit summary', { hasText: 'Reactivate' })
		    .click();
		await page.locator('#project-status-reason')
		    .fill('Budget approved');
		await page.getByLabel(/Yes, change the status/).check();
		await submit(page, page.getByRole('button',
		    { name: 'Change the status' }));
		assert.equal(await page.locator('.status-note').count(), 0);
		assert.equal((await ok(srv, 'GET', `/api/v1/projects/${id}`))
		    .status, 'active');
		await assertNoSideways(page, width, 'the project page');
		assert.deepEqual(pm.context.errors, [], 'no console errors');
		await pm.context.close();

		// What already exists for the member: handoff A offered to
		// him, the framing checkpoint his to close.
		const ho = doc.handoffs.find((h) => h.key === 'a');
		assert.ok(ho, 'handoff a');
		await ok(srv, 'POST', `/api/v1/projects/${id}/handoffs/a/offer`,
		    { from_id: team['Dana Diaz'].id,
		    to_id: team['Omar Okoro'].id });
		const cp = doc.checkpoints.find((c) => c.stage === 'framing');
		await ok(srv, 'PATCH', `/api/v1/checkpoints/${cp.id}`,
		    { owner_id: team['Omar Okoro'].id });

		// 2. The member, on My work ------------------------------------
		const mem = await signedIn(srv, width, 'omar.okoro@example.com',
		    'all-member-pass');
		page = mem.page;
		await submit(page, page.getByRole('link', { name: 'My work' }));
		assert.equal(new URL(page.url()).pathname, '/me');
		assert.equal(await page.locator('h1').innerText(), 'My work');
		assert.match(await page.locator('header.top .who').innerText(),
		    /Omar Okoro/);
		await shot(page, 'me');
		await assertNoSideways(page, width, 'My work');
		assert.match(await page.locator('#my-checkpoints').innerText(),
		    new RegExp(cp.title.replace(/[()]/g, '\\$&')));
		assert.match(await page.locator('#my-handoffs').innerText(),
		    /handoff a \(.*\), from Dana Diaz/);
		assert.match(await page.locator('#boxes').innerText(),
		    new RegExp(name));

		// Take the empty MLE box in one click, with a note.
		const take = page.locator(`form[action="/projects/${id}/` +
		    `ownership/${open}/mle/take"]`);
		await take.getByLabel('Note (optional)').fill('I have the model');
		await submit(page, take.getByRole('button', { name: 'Take it' }));
		assert.match(page.url(), /\/me#open-boxes$/);
		doc = await ok(srv, 'GET', `/api/v1/projects/${id}`);
		assert.equal(doc.ownership.find((r) => r.key === open).mle
		    .person?.id, team['Omar Okoro'].id);
		assert.equal(held(doc).length, n, 'every box held');
		assert.equal(await take.count(), 0, 'the box is no longer open');

		// The checkpoint: from My work to its row; the evidence link,
		// then done.
		await submit(page, page.locator('#my-checkpoints').getByRole(
		    'link', { name: cp.title }));
		assert.equal(new URL(page.url()).pathname, `/projects/${id}`);
		await page.locator(`tr:has(#form-cp-${cp.id}-owner) summary`,
		    { hasText: 'Owner and evidence link' }).click();
		const link = `https://wiki.example.com/framing-${width}`;
		await page.locator(`#cp-${cp.id}-owner-evidence`).fill(link);
		await submit(page, page.locator(`#form-cp-${cp.id}-owner`)
		    .getByRole('button', { name: 'Save owner and link' }));
		const row = page.locator(`#checkpoint-${cp.id}`);
		assert.equal(await row.getByRole('link', { name: 'Evidence' })
		    .getAttribute('href'), link);
		await page.locator(`#checkpoint-${cp.id} + tr.actions summary`,
		    { hasText: 'Update status' }).click();
		const status = page.locator(`#form-cp-${cp.id}-status`);
		await status.getByLabel('Status').selectOption('done');
		assert.equal(await status.getByLabel(/Completed on/).inputValue(),
		    TODAY);
		await submit(page, status.getByRole('button', { name: 'Save' }));
		assert.match(await page.locator(`#checkpoint-${cp.id} td`).last()
		    .innerText(), new RegExp(`^done ${TODAY}`));
		await shot(page, 'checkpoint-done');
		const c = await ok(srv, 'GET', `/api/v1/checkpoints/${cp.id}`);
		assert.equal(c.status, 'done');
		assert.equal(c.evidence_url, link);
		assert.equal(c.owner.id, team['Omar Okoro'].id);

		// 3. Another member cannot accept the handoff ------------------
		const sara = await signedIn(srv, width, 'sara.stone@example.com',
		    'all-other-pass');
		await sara.page.goto(`${srv.url}/projects/${id}`);
		assert.match(await sara.page.locator('#handoff-a').innerText(),
		    /offered/);
		assert.equal(await sara.page.locator('#handoff-a').getByRole(
		    'button', { name: /^Accept/ }).count(), 0,
		    'no Accept button for someone else');
		const refused = await srv.api('POST', `/api/v1/projects/${id}/` +
		    'handoffs/a/accept', undefined,
		    await asPerson(srv, team['Sara Stone']));
		assert.equal(refused.status, 403, refused.text);
		assert.match(refused.text, /only Omar Okoro, who receives/);
		assert.equal((await ok(srv, 'GET', `/api/v1/projects/${id}`))
		    .handoffs.find((h) => h.key === 'a').accepted_on, null);
		assert.deepEqual(sara.context.errors, []);
		await sara.context.close();

		// The named receiver accepts it, from his project page.
		await page.goto(`${srv.url}/projects/${id}`);
		await submit(page, page.locator('#handoff-a').getByRole('button',
		    { name: 'Accept handoff a' }));
		assert.match(await page.locator('#handoff-a').innerText(),
		    new RegExp(`accepted ${TODAY} by Omar Okoro`));
		await shot(page, 'handoff-accepted');
		const h = (await ok(srv, 'GET', `/api/v1/projects/${id}`))
		    .handoffs.find((x) => x.key === 'a');
		assert.equal(h.accepted_on, TODAY);
		assert.equal(h.accepted_by?.id, team['Omar Okoro'].id);
		await assertNoSideways(page, width, 'the project page');
		assert.deepEqual(mem.context.errors, []);
		await mem.context.close();

		// 4. The admin: an account linked to Nina ---------------------
		const adm = await signedIn(srv, width, 'admin@example.com',
		    'all-admin-pass');
		page = adm.page;
		await page.goto(`${srv.url}/accounts`);
		await assertNoSideways(page, width, 'the accounts page');
		const nina = team['Nina Novak'];
		const email = `nina-${width}@example.com`;
		await page.getByText('Create an account').click();
		const acc = page.locator('#form-new-account');
		await acc.getByLabel('Email').fill(email);
		await acc.getByLabel('Name').fill('Nina');
		await acc.getByLabel('Role').selectOption('member');
		await acc.getByLabel('Linked person').selectOption({
		    label: `${nina.name} (${nina.role}, ${nina.email})` });
		await acc.getByLabel('Initial password')
		    .fill('nina-browser-password');
		await submit(page, acc.getByRole('button',
		    { name: 'Create the account' }));
		const uid = /^#user-(\d+)$/.exec(new URL(page.url()).hash)?.[1];
		assert.ok(uid, `back at the new account's row: ${page.url()}`);
		assert.match(await page.locator(`#user-${uid}`).innerText(),
		    new RegExp(nina.name));
		await shot(page, 'account-created');
		const u = (await ok(srv, 'GET', '/api/v1/users')).users
		    .find((x) => x.id === Number(uid));
		assert.equal(u.email, email);
		assert.equal(u.person_id, nina.id);
		assert.deepEqual(adm.context.errors, []);
		await adm.context.close();

		const n2 = await signedIn(srv, width, email,
		    'nina-browser-password');
		assert.match(await n2.page.locator('header.top .who').innerText(),
		    /Nina Novak/);
		await n2.context.close();
	});
}
