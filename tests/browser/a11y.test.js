// Accessibility of every page, in Chromium, on the demo portfolio
// (sql/demo/seed.sql through src/tools/seed.sh, the data `make run`
// shows): axe-core (npm axe-core) finds no serious or critical violation
// on any page in any state we can put it in; every field has a label;
// every focusable element shows a visible focus outline; states are said
// in words, not colour alone; and with JavaScript off a person can sign in
// and read the portfolio, a project and the digest.
//
// axe is injected with page.addScriptTag({ path }); the pages' CSP forbids
// inline script, so the audited contexts bypass CSP (nothing of the pages'
// own needs it: they ship no script at all, which is checked too).
// Screenshots of every page visited land in tests/output/ (a11y-*).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer, psql, TOP } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { assertAccessible, isoWeek, newContext, signIn, submit,
    unlabelledFields, visit } from '../lib/pages.js';

const TODAY = '2026-11-23';		// a Monday; the demo is dated from it

let srv, browser, projects;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	// The demo seed only fills an empty database with no accounts yet:
	// before any srv.api call (which makes the harness's own account).
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY } });
	const r = await srv.api('GET', '/api/v1/projects?limit=50&status=all');
	assert.equal(r.status, 200, r.text);
	projects = r.json.projects;
	assert.ok(projects.length >= 6, 'the demo portfolio is there');
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

const ADMIN = ['admin@example.com', 'demo-admin-pass'];
const PM = ['maya@example.com', 'demo-pm-pass'];
const MEMBER = ['ana@example.com', 'demo-member-pass'];
const VIEWER = ['victor@example.com', 'demo-viewer-pass'];

function project(name) {
	const p = projects.find((x) => x.name.startsWith(name));
	assert.ok(p, `demo project ${name}`);
	return p;
}

// Everything this suite asks of one page, as it is now.
async function audit(page, what, shot) {
	if (shot)
		await screenshot(page, shot);
	// The pages ship no script: nothing on them needs JavaScript.  (Looked
	// at before axe is injected, and never again on the same page.)
	if (!await page.evaluate(() => typeof window.axe === 'object'))
		assert.equal(await page.locator('script').count(), 0,
		    `${what}: no script`);
	await assertAccessible(page, what);
	assert.deepEqual(await unlabelledFields(page), [],
	    `${what}: every input, select and textarea has a label`);
	// Colour never alone: every badge and count says its state in words.
	const badges = await page.locator('.badge').allInnerTexts();
	for (const b of badges)
		assert.match(b, /\w/, `${what}: a badge without words`);
	for (const t of await page.locator('td.cell-empty').allInnerTexts())
		assert.match(t, /Empty/, `${what}: an empty box says so`);
	// A refused field is marked, and points at its message (and every
	// message next to a field is pointed at by that field).
	assert.deepEqual(await page.evaluate(() => {
		const bad = [];
		const described = new Set();
		for (const el of document.querySelectorAll('[aria-describedby]'))
			for (const id of el.getAttribute('aria-describedby')
			    .split(/\s+/)) {
				described.add(id);
				if (!document.getElementById(id))
					bad.push(`${el.id}: no #${id}`);
			}
		for (const el of document.querySelectorAll(
		    '[aria-invalid="true"]')) {
			const ids = (el.getAttribute('aria-describedby') ?? '')
			    .split(/\s+/);
			if (!ids.some((id) => document.getElementById(id)
			    ?.classList.contains('field-error')))
				bad.push(`${el.id}: invalid, message not linked`);
		}
		for (const m of document.querySelectorAll('.field-error'))
			if (!described.has(m.id))
				bad.push(`#${m.id} describes no field`);
		return bad;
	}), [], `${what}: field errors are tied to their fields`);
}

// Every element one can Tab to has a visible outline when focused.
async function focusOutlines(page) {
	return page.evaluate(() => {
		const bad = [];
		const all = document.querySelectorAll('a[href], button, input, ' +
		    'select, textarea, summary, [tabindex]');
		for (const el of all) {
			if (el.type === 'hidden' || el.disabled ||
			    el.getClientRects().length === 0 &&
			    !el.classList.contains('skip'))
				continue;
			el.focus();
			if (document.activeElement !== el)
				continue;
			const s = getComputedStyle(el);
			if (s.outlineStyle === 'none' ||
			    parseFloat(s.outlineWidth) < 2)
				bad.push(el.outerHTML.slice(0, 120));
		}
		document.activeElement?.blur();
		return bad;
	});
}

test('sign-in page, signed out and after a refused sign-in', async () => {
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await visit(page, srv, '/login');
	await audit(page, 'the sign-in page', 'a11y-login');
	assert.deepEqual(await focusOutlines(page), []);

	await page.getByLabel('Email').fill('maya@example.com');
	await page.getByLabel('Password').fill('not-the-password');
	await submit(page, page.getByRole('button', { name: 'Sign in' }));
	assert.match(await page.getByRole('alert').innerText(),
	    /Not signed in/);
	await audit(page, 'the sign-in page with its error',
	    'a11y-login-refused');
	await context.close();
});

test('portfolio, people, tokens and the error page (PM)', async () => {
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, ...PM);
	await screenshot(page, 'a11y-portfolio');
	assert.ok(await page.locator('table.portfolio tbody tr').count() >= 5);
	await audit(page, 'the portfolio');
	assert.deepEqual(await focusOutlines(page), [],
	    'visible focus on the portfolio');

	// Filtered, through the filter form; and filtered to nothing.
	await page.getByLabel('Risks at least').selectOption('critical');
	await submit(page, page.getByRole('button', { name: 'Filter' }));
	await audit(page, 'the filtered portfolio', 'a11y-portfolio-critical');
	await visit(page, srv, '/?stage=monitoring&severity=critical');
	assert.match(await page.locator('table.portfolio').innerText(),
	    /No active project matches/);
	await audit(page, 'the portfolio filtered to nothing',
	    'a11y-portfolio-none');

	await visit(page, srv, '/people');
	await audit(page, 'the people page', 'a11y-people');
	assert.deepEqual(await focusOutlines(page), []);
	// A refused addition: that email is taken.
	await page.getByLabel('Name', { exact: true }).fill('Maya Again');
	await page.getByLabel('Email').fill('maya@example.com');
	await submit(page, page.getByRole('button', { name: 'Add',
	    exact: true }));
	assert.ok(await page.locator('.field-error, .form-notice').count() >
	    0, 'the refusal is shown');
	await audit(page, 'the people page with a refused addition',
	    'a11y-people-refused');

	await visit(page, srv, '/tokens');
	await audit(page, 'the tokens page', 'a11y-tokens');
	await page.getByLabel('What it is for').fill('chat bot');
	await submit(page, page.getByRole('button', { name: 'Create a token' }));
	assert.match(await page.locator('#new-token').innerText(), /^hf_/);
	await audit(page, 'the tokens page with a new token',
	    'a11y-tokens-new');
	assert.deepEqual(await focusOutlines(page), []);

	const r = await page.goto(srv.url + '/no/such/page');
	assert.equal(r.status(), 404);
	await audit(page, 'the not-found page', 'a11y-404');
	await context.close();
});

test('the accounts page, with a locked account, and after unlocking it ' +
    '(admin)', async () => {
	await psql("UPDATE users SET failed_logins = 10, locked_until = " +
	    "now() + interval '15 minutes' WHERE email = " +
	    "'victor@example.com'", { dsn: srv.dsn });
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, ...ADMIN);
	await page.getByRole('link', { name: 'Accounts' }).click();
	await page.waitForURL(/\/accounts$/);
	const row = page.locator('tr', { hasText: 'victor@example.com' });
	assert.match(await row.innerText(), /locked/);
	await audit(page, 'the accounts page', 'a11y-accounts');
	assert.deepEqual(await focusOutlines(page), []);

	await submit(page, row.getByRole('button',
	    { name: 'Unlock victor@example.com' }));
	assert.doesNotMatch(await row.innerText(), /locked/);
	await audit(page, 'the accounts page after an unlock',
	    'a11y-accounts-unlocked');
	await context.close();
});

test('kickoff, empty and after a refused submission', async () => {
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, ...PM);
	await visit(page, srv, '/projects/new');
	await audit(page, 'the kickoff form', 'a11y-kickoff');
	assert.deepEqual(await focusOutlines(page), []);

	// Launch before kickoff: the browser lets it through, the server
	// refuses it and says why, next to the field.
	await page.getByLabel('Project name').fill('Backwards');
	await page.getByLabel('PM', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Kickoff date').fill('2026-12-01');
	await page.getByLabel('Target launch').fill('2026-11-01');
	await page.getByLabel('Baseline').fill('kept after the refusal');
	await submit(page, page.getByRole('button', { name: 'Kick off' }));
	assert.equal(new URL(page.url()).pathname, '/projects/new');
	const errors = page.locator('.field-error, .form-notice');
	assert.ok(await errors.count() > 0, 'the refusal is shown');
	assert.equal(await page.getByLabel('Baseline').inputValue(),
	    'kept after the refusal');
	await audit(page, 'the kickoff form after a refusal',
	    'a11y-kickoff-refused');
	// The field at fault is marked and described by its message.
	const launch = page.getByLabel('Target launch');
	assert.equal(await launch.getAttribute('aria-invalid'), 'true');
	assert.match(await page.locator('#kickoff-target_launch_on-error')
	    .innerText(), /^Target launch must not be before kickoff$/);

	// An answer too long for the spec: the browser lets it through (a
	// textarea has no limit here), the server refuses it, and the person
	// must be told where, next to that answer.
	await page.getByLabel('Target launch').fill('2027-03-01');
	await page.getByLabel('Decision the model makes').fill('x'.repeat(2001));
	await submit(page, page.getByRole('button', { name: 'Kick off' }));
	assert.equal(new URL(page.url()).pathname, '/projects/new');
	await screenshot(page, 'a11y-kickoff-refused-spec');
	const decision = page.getByLabel('Decision the model makes');
	assert.equal(await decision.getAttribute('aria-invalid'), 'true',
	    'the too-long answer is marked');
	const msg = await page.locator('.field-error').allInnerTexts();
	assert.equal(msg.length, 1, 'one message, next to the answer');
	assert.match(msg[0], /2000/);
	await audit(page, 'the kickoff form after a too-long spec answer');
	await context.close();
});

test('every demo project page, forms closed and open, for each role',
    async () => {
	for (const [who, creds] of [['pm', PM], ['member', MEMBER],
	    ['viewer', VIEWER]]) {
		const context = await newContext(browser, { bypassCSP: true });
		const page = await context.newPage();
		await signIn(page, srv, ...creds);
		for (const p of projects) {
			if (who !== 'pm' && !p.name.startsWith('Card fraud'))
				continue;
			const slug = `a11y-${who}-project-${p.id}`;
			await visit(page, srv, `/projects/${p.id}`);
			await audit(page, `${p.name} (${who})`, slug);
			if (who === 'viewer') {
				assert.equal(await page.locator('main form')
				    .count(), 0, 'a viewer gets no forms');
				continue;
			}
			// Every form on the page opened.
			await page.evaluate(() => document.querySelectorAll(
			    'details').forEach((d) => { d.open = true; }));
			await audit(page, `${p.name} (${who}), every form open`,
			    p.name.startsWith('Card fraud') ? `${slug}-open` :
			    undefined);
			if (p.name.startsWith('Card fraud'))
				assert.deepEqual(await focusOutlines(page), [],
				    `visible focus on ${p.name} (${who})`);
		}
		await context.close();
	}
});

test('project page with refused forms (risks, field errors, notices)',
    async () => {
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, ...PM);
	const p = project('Card fraud');
	await visit(page, srv, `/projects/${p.id}`);
	assert.ok((await page.locator('#risks li').count()) > 0, 'risks');

	// A completion date in the future is refused by the server.
	const row = page.locator('table.checkpoints tr.actions').first();
	await row.locator('summary', { hasText: 'Update status' }).click();
	const form = row.locator('form').first();
	await form.getByLabel('Status').selectOption('done');
	await form.getByLabel(/Completed on/).fill('2030-01-01');
	await submit(page, form.getByRole('button', { name: 'Save' }));
	assert.match(await page.locator('.page-notice').innerText(),
	    /Not saved/);
	await audit(page, 'a project with a refused status form',
	    'a11y-project-refused-status');

	// A spec answer too long: refused, said at the top and at the answer.
	await visit(page, srv, `/projects/${p.id}`);
	await page.locator('#spec summary', { hasText: 'Edit the spec' }).click();
	await page.locator('#spec').getByLabel('Baseline').fill('y'.repeat(2001));
	await submit(page, page.getByRole('button', { name: 'Save the spec' }));
	assert.match(await page.locator('.page-notice').innerText(),
	    /Not saved: .*2000/);
	assert.equal(await page.locator('#spec').getByLabel('Baseline')
	    .getAttribute('aria-invalid'), 'true');
	assert.match(await page.locator('#spec .field-error').innerText(),
	    /2000/);
	await audit(page, 'a project with a refused spec',
	    'a11y-project-refused-spec');

	// A handoff offered from someone to themselves is refused too.
	await visit(page, srv, `/projects/${p.id}`);
	const offer = page.locator('#handoff-a');
	await offer.locator('summary').first().click();
	const someone = await page.locator('datalist#people option').first()
	    .getAttribute('value');
	await offer.getByLabel('From').fill(someone);
	await offer.getByLabel('To').fill(someone);
	await submit(page, offer.getByRole('button', { name: 'Offer',
	    exact: true }));
	assert.match(await page.locator('.page-notice').innerText(),
	    /Not saved: a handoff goes from one person to another/);
	assert.equal(await page.locator('#handoff-a-offer-to_id-error').count(),
	    1, 'the message sits next to the field');
	assert.equal(await offer.getByLabel('To').getAttribute(
	    'aria-invalid'), 'true');
	assert.equal(await offer.getByLabel('To').getAttribute(
	    'aria-describedby'), 'handoff-a-offer-to_id-error');
	await audit(page, 'a project with a refused handoff offer',
	    'a11y-project-refused-offer');
	await context.close();
});

test('the digest, this week and last week', async () => {
	const context = await newContext(browser, { bypassCSP: true });
	const page = await context.newPage();
	await signIn(page, srv, ...MEMBER);
	await visit(page, srv, '/digest');
	assert.equal(await page.locator('h1').innerText(),
	    `Risk digest, week ${isoWeek(TODAY)}`);
	await audit(page, 'the digest', 'a11y-digest');
	assert.deepEqual(await focusOutlines(page), []);
	await submit(page, page.getByRole('link', { name: /^← / }));
	await audit(page, 'last week\'s digest', 'a11y-digest-previous');
	await context.close();
});

test('with JavaScript off: sign in, read the portfolio, a project and the '
    + 'digest', async () => {
	const context = await newContext(browser, { javaScriptEnabled: false });
	const page = await context.newPage();
	// JavaScript really is off in this context.
	await page.setContent('<title>off</title><script>document.title = ' +
	    '"on";</script>');
	assert.equal(await page.title(), 'off');
	await signIn(page, srv, ...VIEWER, 'nojs-login');
	await screenshot(page, 'nojs-portfolio');
	assert.equal(await page.locator('h1').innerText(), 'Portfolio');
	const rows = page.locator('table.portfolio tbody tr');
	assert.ok(await rows.count() >= 5);

	const p = project('Card fraud');
	await submit(page, rows.getByRole('link', { name: p.name }));
	await screenshot(page, 'nojs-project');
	assert.equal(await page.locator('h1').innerText(), p.name);
	assert.ok(await page.locator('#risks ul.risks li').count() > 0);
	assert.ok(await page.locator('table.checkpoints tbody tr').count() >=
	    8);
	assert.ok(await page.locator('figure.timeline svg').count() === 1);

	await submit(page, page.getByRole('link', { name: 'Weekly digest' }));
	await screenshot(page, 'nojs-digest');
	assert.equal(await page.locator('h1').innerText(),
	    `Risk digest, week ${isoWeek(TODAY)}`);
	assert.ok(await page.locator('ul.severity-counts li').count() === 5);
	assert.match(await page.locator('main').innerText(),
	    /Resolved this week \(\d+\)/);

	// The week picker is a plain GET form.
	await page.getByLabel('Week', { exact: true }).fill('2026-W46');
	await submit(page, page.getByRole('button', { name: 'Show' }));
	assert.equal(await page.locator('h1').innerText(),
	    'Risk digest, week 2026-W46');
	assert.deepEqual(context.errors, []);
	await context.close();
});
