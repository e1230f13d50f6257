// A PM's setup in the browser (issue 14, items 4 and 5), at 1280 px: the
// whole matrix filled in one save, ownership copied from another project,
// the launch moved with its reason, the project paused and reactivated,
// each with its reason and confirmation.  Pages saved in tests/output/
// (pm-*).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { makePeople, newContext, optionLabel, personRef, signIn, submit }
    from
    '../lib/pages.js';

let srv, browser;

after(async () => {
	await browser?.close();
	await srv?.stop();
});

async function ok(method, path, body) {
	const r = await srv.api(method, path, body);
	assert.ok(r.status >= 200 && r.status < 300,
	    `${method} ${path}: ${r.status} ${r.text}`);
	return r.json;
}

test('a PM fills the matrix in one save, copies ownership, moves the ' +
    'launch, pauses and reactivates', async () => {
	const today = '2026-03-02';
	srv = await startServer({ env: { HANDOFF_TODAY: today } });
	browser = await launch();
	const team = await makePeople(srv, [['Paula Park', 'pm'],
	    ['Dana Diaz', 'ds'], ['Milo Marsh', 'mle'], ['Sara Stone', 'swe'],
	    ['Omar Okoro', 'mle']]);
	await srv.account('pm@example.com', 'pm', 'setup-pm-pass');
	const mk = (name) => ok('POST', '/api/v1/projects', { name,
	    pm_id: team['Paula Park'].id, kickoff_on: today,
	    target_launch_on: '2026-06-01' });
	const p = await mk('Fraud flags');
	const other = await mk('Churn prediction');
	await ok('PUT', `/api/v1/projects/${other.id}/ownership/model_serving/mle`,
	    { person_id: team['Omar Okoro'].id });

	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, srv, 'pm@example.com', 'setup-pm-pass');
	await page.goto(`${srv.url}/projects/${p.id}`);

	// The whole matrix in one save: DS boxes to Dana, MLE to Milo, SWE
	// to Sara, each picked from the page's list of people.
	const form = page.locator('#form-matrix');
	await page.getByText('Edit the whole matrix in one save').click();
	const pickers = form.locator('input[list="people"]');
	const n = await pickers.count();
	assert.ok(n >= 20, `${n} boxes`);
	const who = { ds: 'Dana Diaz', mle: 'Milo Marsh', swe: 'Sara Stone' };
	const offered = await page.locator('datalist#people option')
	    .evaluateAll((os) => os.map((o) => o.value));
	for (const name of Object.values(who))
		assert.ok(offered.includes(personRef(team[name])), name);
	for (let i = 0; i < n; i++) {
		const s = pickers.nth(i);
		const role = (await s.getAttribute('name')).split('/')[1];
		await s.fill(personRef(team[who[role]]));
	}
	await screenshot(page, 'pm-matrix-filled');
	await submit(page, form.getByRole('button', { name: 'Save the matrix' }));
	assert.equal(new URL(page.url()).hash, '#ownership');
	assert.equal(await page.locator('table.matrix td.cell-empty').count(), 0);
	const doc = await ok('GET', `/api/v1/projects/${p.id}`);
	const filled = doc.ownership.flatMap((row) => ['ds', 'mle', 'swe']
	    .filter((r) => row[r].person !== null));
	assert.equal(filled.length, n);

	// Copy ownership from Churn prediction, overwriting: Omar takes
	// Model serving.
	await page.getByText('Copy ownership from another project').click();
	await page.getByLabel('Copy from').selectOption({
	    label: 'Churn prediction' });
	await page.getByLabel(/Also replace the boxes/).check();
	await submit(page, page.getByRole('button', { name: 'Copy ownership' }));
	const copied = await ok('GET', `/api/v1/projects/${p.id}`);
	assert.equal(copied.ownership.find((r) => r.key === 'model_serving')
	    .mle.person.id, team['Omar Okoro'].id);

	// Move the launch, with its reason.
	await page.getByText('Edit name, PM and dates').click();
	await page.locator('#project-target_launch_on').fill('2026-06-15');
	await page.getByLabel('Reason for a new launch date')
	    .fill('Vendor data two weeks late');
	await submit(page, page.getByRole('button', { name: 'Save the project' }));
	assert.match(await page.locator('.facts').innerText(),
	    /target launch 2026-06-15/);
	assert.match(await page.locator('.launch-moves').innerText(),
	    /Vendor data two weeks late/);

	// Pause, with a reason and the confirmation; then reactivate.
	await page.getByText('Pause, ship or cancel').click();
	await page.locator('#project-status-status').selectOption('paused');
	await page.locator('#project-status-reason').fill('Budget review');
	await page.getByLabel(/Yes, change the status/).check();
	await screenshot(page, 'pm-pause');
	await submit(page, page.getByRole('button', { name: 'Change the status' }));
	assert.match(await page.locator('.status-note').innerText(),
	    /Paused since 2026-03-02: its risks are not counted/);

	await page.locator('#edit summary', { hasText: 'Reactivate' }).click();
	await page.locator('#project-status-reason').fill('Budget approved');
	await page.getByLabel(/Yes, change the status/).check();
	await submit(page, page.getByRole('button', { name: 'Change the status' }));
	assert.equal(await page.locator('.status-note').count(), 0);
	assert.equal((await ok('GET', `/api/v1/projects/${p.id}`)).status,
	    'active');
	await screenshot(page, 'pm-reactivated');
	assert.deepEqual(context.errors, []);
});
