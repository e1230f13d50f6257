// XSS, checked in Chromium: data whose every text field is a script, an
// event handler or an attribute breaker, made through the API, then shown
// on every page that shows it, to a PM and to a viewer signed in through
// the real /login form, and echoed back by refused forms.  On each page:
// nothing ran (window.__xss stays undefined, no dialog), nothing was
// injected into the DOM (no handler attributes, no script, iframe or style
// elements, no javascript: link), the browser reported no CSP violation,
// and the payload is there as text.
//
// The pages are visited twice: as served, and once more with the page's
// Content-Security-Policy bypassed, so that an escaping mistake would run
// (the CSP alone would otherwise hide it).  Screenshots of every page are
// saved as tests/output/security-xss-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';

const TODAY = '2026-03-16';
const KICKOFF = '2026-03-02';

const X = {
	script: '<script>window.__xss=1</script>',
	img: '<img src=x onerror="window.__xss=1">',
	svg: '"><svg onload=window.__xss=1>',
	squote: "x' onmouseover='window.__xss=1' autofocus onfocus='window.__xss=1' y='",
	dquote: '" autofocus onfocus="window.__xss=1" x="',
	textarea: '</textarea><script>window.__xss=1</script>',
	title: '</title><script>window.__xss=1</script>',
	alert: '<img src=x onerror=alert(1)>',
	iframe: '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
	style: '<style>*{display:none}</style>',
	entity: '&lt;b&gt;not bold&lt;/b&gt; &amp;',
	option: '</option></select><img src=x onerror=window.__xss=1>',
	jsurl: 'javascript:window.__xss=1',
};

let srv, browser;
let project, checkpoint;
const people = {};
const accounts = {
	pm: { email: 'xss-pm@example.com', password: 'xss-pm-password',
	    name: X.img },
	viewer: { email: 'xss-viewer@example.com',
	    password: 'xss-viewer-password', name: X.dquote },
};
const TOKEN_NAME = X.squote.slice(0, 100);
// Every change is made by someone whose email has a quote in it.
const ACTOR = "o'brien@example.com";

async function api(method, path, body, ok = [200, 201]) {
	const r = await srv.api(method, path, body,
	    { 'x-handoff-actor': ACTOR });
	assert.ok(ok.includes(r.status), `${method} ${path}: ${r.status} ` +
	    `${r.text}`);
	return r;
}

function addDays(iso, days) {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	browser = await launch();

	for (const [key, name, role] of [['pm', X.script, 'pm'],
	    ['ds', X.img, 'ds'], ['mle', X.svg, 'mle'],
	    ['swe', X.option, 'swe']]) {
		people[key] = (await api('POST', '/api/v1/people', { name, role,
		    email: `${key}'x@example.com` })).json;
	}
	project = (await api('POST', '/api/v1/projects', {
		name: X.title, pm_id: people.pm.id, kickoff_on: KICKOFF,
		target_launch_on: addDays(KICKOFF, 91),
		spec: { decision: X.textarea, primary_metric: X.squote,
		    secondary_constraint: X.iframe, worse_error: X.alert,
		    fallback: X.entity, monitoring_trigger: X.style,
		    baseline: X.dquote } })).json;
	// Missed (due before today): it shows in the risks and the digest.
	checkpoint = (await api('POST', `/api/v1/projects/${project.id}/checkpoints`,
	    { stage: 'data', title: X.svg, due_on: addDays(TODAY, -5),
	    owner_id: people.ds.id, note: X.script })).json;
	await api('PATCH', `/api/v1/checkpoints/${checkpoint.id}`,
	    { due_on: addDays(TODAY, -4), reason: X.dquote });

	// A javascript: URL is refused where a link is stored.
	for (const url of [X.jsurl, 'JAVASCRIPT:window.__xss=1',
	    ' javascript:window.__xss=1', 'data:text/html,<script>x</script>']) {
		const e = await srv.api('PATCH', `/api/v1/checkpoints/${checkpoint.id}`,
		    { evidence_url: url });
		assert.equal(e.status, 400, `${url}: ${e.text}`);
		assert.equal(e.json.error.field, 'evidence_url');
		const a = await srv.api('POST',
		    `/api/v1/projects/${project.id}/handoffs/a/offer`,
		    { from_id: people.swe.id, to_id: people.ds.id,
		    artifact_url: url });
		assert.equal(a.status, 400, `${url}: ${a.text}`);
		assert.equal(a.json.error.field, 'artifact_url');
	}
	await api('POST', `/api/v1/projects/${project.id}/handoffs/a/offer`,
	    { from_id: people.swe.id, to_id: people.ds.id,
	    artifact_url: "https://wiki.example.com/x'onmouseover='window.__xss=1" });
	// A URL with quotes and brackets may be refused; if it is kept, it
	// must stay an inert link.
	const b = await srv.api('POST',
	    `/api/v1/projects/${project.id}/handoffs/b/offer`,
	    { from_id: people.ds.id, to_id: people.mle.id,
	    artifact_url: 'https://wiki.example.com/"><svg/onload=window.__xss=1>' },
	    { 'x-handoff-actor': ACTOR });
	assert.ok(b.status === 200 || b.status === 400, b.text);

	await api('PUT', `/api/v1/projects/${project.id}/ownership/problem_framing/ds`,
	    { person_id: people.ds.id });
	await api('PUT', `/api/v1/projects/${project.id}/ownership/model_serving/mle`,
	    { person_id: people.mle.id });
	await api('POST', `/api/v1/projects/${project.id}/stage`,
	    { stage: 'data', note: X.alert, override: true, reason: X.alert });

	// Two accounts to sign in with; their names are payloads too (the
	// page header shows them).
	for (const [role, a] of Object.entries(accounts)) {
		await srv.account(a.email, role, a.password);
		const token = await srv.token(a.email, role);
		const u = await srv.api('GET', '/api/v1/users');
		const id = u.json.users.find((x) => x.email === a.email).id;
		await api('PATCH', `/api/v1/users/${id}`, { name: a.name });
		const t = await srv.request('POST', '/api/v1/tokens', {
		    body: { name: TOKEN_NAME },
		    headers: { authorization: `Bearer ${token}` } });
		assert.equal(t.status, 201, t.text);
	}
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

// A page that records what must never happen on it.
async function watchedPage(context) {
	const page = await context.newPage();
	page.seen = { dialogs: [], csp: [], errors: [] };
	page.on('dialog', async (d) => {
		page.seen.dialogs.push(`${d.type()}: ${d.message()}`);
		await d.dismiss();
	});
	page.on('console', (m) => {
		// A refused form's own answer (400, 401) is logged too: that
		// one is expected; anything else is not (an injected <img
		// src=x> would show as a failed load, a blocked script as a
		// CSP violation).
		if (/^Failed to load resource: the server responded with a status of 40[01] /
		    .test(m.text()))
			return;
		if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
			page.seen.csp.push(m.text());
	});
	page.on('pageerror', (e) => page.seen.errors.push(e.message));
	// Runs outside the page's CSP, before its own markup.
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window.__cspViolations ??= []).push(
			    `${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	return page;
}

// Sign in through the form, as a person does.
async function signIn(page, who) {
	await page.goto(`${srv.url}/login`);
	await page.fill('#login-email', who.email);
	await page.fill('#login-password', who.password);
	await Promise.all([page.waitForNavigation(),
	    page.click('#login button[type=submit]')]);
	assert.equal(new URL(page.url()).pathname, '/', 'signed in');
}

// Nothing ran, nothing was injected, nothing was blocked.
async function assertInert(page, what) {
	// Give an injected onerror/onload/onfocus its chance to fire.
	await page.waitForTimeout(150);
	await page.mouse.move(1, 1);
	const found = await page.evaluate(() => {
		const withHandlers = [...document.querySelectorAll('*')].filter(
		    (el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
		    .map((el) => el.outerHTML.slice(0, 120));
		return {
			xss: window.__xss,
			handlers: withHandlers,
			scripts: document.scripts.length,
			iframes: document.querySelectorAll('iframe, frame, ' +
			    'object, embed').length,
			styles: document.querySelectorAll('body style').length,
			imgs: document.querySelectorAll('img[src="x"]').length,
			jsLinks: [...document.querySelectorAll('[href], [src], ' +
			    '[action], [formaction]')].filter((el) =>
			    /^\s*(javascript|data|vbscript):/i.test(
			    el.getAttribute('href') ?? el.getAttribute('src') ??
			    el.getAttribute('action') ??
			    el.getAttribute('formaction') ?? '')).length,
			csp: window.__cspViolations ?? [],
			autofocus: document.querySelectorAll('[autofocus]').length,
		};
	});
	assert.equal(found.xss, undefined, `${what}: a payload ran`);
	assert.deepEqual(found.handlers, [], `${what}: event handler attributes`);
	assert.equal(found.scripts, 0, `${what}: script elements`);
	assert.equal(found.iframes, 0, `${what}: frames`);
	assert.equal(found.styles, 0, `${what}: style elements`);
	assert.equal(found.imgs, 0, `${what}: injected images`);
	assert.equal(found.jsLinks, 0, `${what}: javascript: links`);
	assert.equal(found.autofocus, 0, `${what}: autofocus attributes`);
	assert.deepEqual(found.csp, [], `${what}: CSP violations (DOM)`);
	assert.deepEqual(page.seen.csp, [], `${what}: console errors / CSP`);
	assert.deepEqual(page.seen.dialogs, [], `${what}: dialogs`);
	assert.deepEqual(page.seen.errors, [], `${what}: page errors`);
}

// The payload is on the page as text, where a person reads it.
async function assertText(page, selector, expected, what) {
	const loc = page.locator(selector);
	assert.ok(await loc.count() > 0, `${what}: ${selector} is there`);
	const texts = await loc.allInnerTexts();
	for (const e of [].concat(expected)) {
		assert.ok(texts.some((t) => t.includes(e)),
		    `${what}: ${selector} shows ${JSON.stringify(e)}; it shows ` +
		    JSON.stringify(texts.join(' | ').slice(0, 400)));
	}
}

async function assertValue(page, selector, expected, what) {
	assert.equal(await page.locator(selector).inputValue(), expected,
	    `${what}: ${selector}`);
}

// The pages that show the data, and what each must show as text.
function pages(role) {
	const pid = project.id;
	const me = accounts[role];
	return [
		['portfolio', '/', async (page) => {
			await assertText(page, 'main', [X.title, X.script], 'portfolio');
		}],
		['project', `/projects/${pid}`, async (page) => {
			await assertText(page, 'h1', X.title, 'project');
			await assertText(page, '.project-head', X.script, 'project');
			await assertText(page, `#checkpoint-${checkpoint.id} th`,
			    [X.svg, X.script], 'checkpoint');
			await assertText(page, `#checkpoint-${checkpoint.id}`, X.img,
			    'checkpoint owner');
			await assertText(page, '#risks', X.svg, 'risks');
			await assertText(page, '#ownership', [X.img, X.svg],
			    'matrix');
			await assertText(page, '#handoff-a', [X.option, X.img],
			    'handoff');
			await assertText(page, '#stage', [X.alert, ACTOR], 'stage');
			// By the account's name (the harness names it after
			// the email's local part, quote and all).
			await assertText(page, '#history', ACTOR.split('@')[0],
			    'history');
			const href = await page.locator('#handoff-a a')
			    .getAttribute('href');
			assert.equal(href,
			    "https://wiki.example.com/x'onmouseover='window.__xss=1");
			const spec = { decision: X.textarea,
			    primary_metric: X.squote, secondary_constraint: X.iframe,
			    worse_error: X.alert, fallback: X.entity,
			    monitoring_trigger: X.style, baseline: X.dquote };
			if (role === 'pm') {
				for (const [k, v] of Object.entries(spec))
					await assertValue(page, `#spec-${k}`, v, 'spec');
			} else {
				await assertText(page, 'dl.spec', Object.values(spec),
				    'spec');
			}
			// The slip ledger is shown with the team's forms.
			if (role === 'pm')
				await assertText(page, '.slips', X.dquote, 'slips');
		}],
		['people', '/people', async (page) => {
			await assertText(page, 'table.people', [X.script, X.img,
			    X.svg, X.option, "ds'x@example.com"], 'people');
		}],
		['digest', '/digest', async (page) => {
			await assertText(page, 'main', [X.title, X.svg], 'digest');
		}],
		['tokens', '/tokens', async (page) => {
			await assertText(page, 'main table', TOKEN_NAME, 'tokens');
			await assertText(page, 'header .who', me.name, 'who');
		}],
	];
}

for (const role of ['pm', 'viewer']) {
	for (const bypass of [false, true]) {
		const mode = bypass ? 'without CSP' : 'as served';
		test(`xss: every page shows the payloads as text to a ${role} ` +
		    `(${mode})`, async () => {
			const context = await browser.newContext({ bypassCSP: bypass,
			    viewport: { width: 1280, height: 900 } });
			try {
				const page = await watchedPage(context);
				await signIn(page, accounts[role]);
				await assertInert(page, `${role} after sign-in`);
				for (const [name, path, check] of pages(role)) {
					const r = await page.goto(srv.url + path);
					assert.equal(r.status(), 200, path);
					await check(page);
					await assertInert(page, `${role} ${path} (${mode})`);
					await assertText(page, 'header .who',
					    accounts[role].name, `${path}: who`);
					if (!bypass)
						await screenshot(page,
						    `security-xss-${role}-${name}`);
				}
			} finally {
				await context.close();
			}
		});
	}
}

// Forms that were refused are drawn again with what was typed: that echo
// must be as inert as stored data.
for (const bypass of [false, true]) {
	const mode = bypass ? 'without CSP' : 'as served';
	test(`xss: refused forms echo the payloads as text (${mode})`,
	    async () => {
		const context = await browser.newContext({ bypassCSP: bypass,
		    viewport: { width: 1280, height: 900 } });
		try {
			const page = await watchedPage(context);
			await signIn(page, accounts.pm);

			// Kick-off with a name too long: refused, all kept.
			await page.goto(`${srv.url}/projects/new`);
			const name = X.dquote + 'x'.repeat(200);
			await page.fill('#k-name', name);
			await page.selectOption('#k-pm_id', String(people.pm.id));
			const spec = { decision: X.textarea, primary_metric: X.title,
			    secondary_constraint: X.script, worse_error: X.squote,
			    fallback: X.svg, monitoring_trigger: X.img,
			    baseline: X.option };
			for (const [k, v] of Object.entries(spec))
				await page.fill(`#k-${k}`, v);
			const [resp] = await Promise.all([page.waitForNavigation(),
			    page.click('#form-kickoff button[type=submit]')]);
			assert.equal(resp.status(), 400);
			await assertValue(page, '#k-name', name, 'kickoff');
			for (const [k, v] of Object.entries(spec))
				await assertValue(page, `#k-${k}`, v, 'kickoff');
			await assertText(page, '.field-error', 'Name is longer than ' +
			    '200 characters', 'kickoff');
			await assertInert(page, `kickoff refused (${mode})`);
			if (!bypass)
				await screenshot(page, 'security-xss-kickoff-refused');

			// Adding a person with an address that is not one.
			await page.goto(`${srv.url}/people`);
			await page.fill('#ap-name', X.squote);
			await page.$eval('#form-add-person',
			    (f) => { f.noValidate = true; });
			await page.fill('#ap-email', X.svg);
			const [p] = await Promise.all([page.waitForNavigation(),
			    page.click('#form-add-person button[type=submit]')]);
			assert.equal(p.status(), 400);
			await assertValue(page, '#ap-name', X.squote, 'add person');
			await assertValue(page, '#ap-email', X.svg, 'add person');
			await assertInert(page, `add person refused (${mode})`);
			if (!bypass)
				await screenshot(page, 'security-xss-person-refused');

			// A spec answer too long, on the project page.
			await page.goto(`${srv.url}/projects/${project.id}`);
			const long = X.textarea + 'y'.repeat(2000);
			await page.click('#spec summary');
			await page.fill('#spec-fallback', long);
			const [s] = await Promise.all([page.waitForNavigation(),
			    page.click('#spec button[type=submit]')]);
			assert.equal(s.status(), 400);
			await assertValue(page, '#spec-fallback', long, 'spec');
			await assertInert(page, `spec refused (${mode})`);
			if (!bypass)
				await screenshot(page, 'security-xss-spec-refused');

			// A token name too long, on the tokens page.
			await page.goto(`${srv.url}/tokens`);
			await page.$eval('#token-name', (el) =>
			    el.removeAttribute('maxlength'));
			await page.fill('#token-name', X.img + 'z'.repeat(100));
			const [t] = await Promise.all([page.waitForNavigation(),
			    page.click('#form-new-token-form button[type=submit]')]);
			assert.equal(t.status(), 400);
			await assertInert(page, `token refused (${mode})`);
		} finally {
			await context.close();
		}
	});
}

test('xss: the sign-in page keeps a refused email and next as text',
    async () => {
	for (const bypass of [false, true]) {
		const context = await browser.newContext({ bypassCSP: bypass });
		try {
			const page = await watchedPage(context);
			// Printable ASCII without spaces: a 'next' the server
			// keeps (it sends anything else home), so it must escape.
			const next = '/"><svg/onload=window.__xss=1>';
			await page.goto(`${srv.url}/login?next=` +
			    encodeURIComponent(next));
			assert.equal(await page.locator('input[name=next]')
			    .getAttribute('value'), next);
			await assertInert(page, 'sign-in with next');
			// The browser would not send this address; a forged form
			// would.
			await page.$eval('#login', (f) => { f.noValidate = true; });
			await page.fill('#login-email', X.svg);
			await page.fill('#login-password', 'not-the-password');
			const [r] = await Promise.all([page.waitForNavigation(),
			    page.click('#login button[type=submit]')]);
			assert.equal(r.status(), 401);
			await assertValue(page, '#login-email', X.svg, 'sign-in');
			await assertText(page, '#login-error', 'Not signed in',
			    'sign-in');
			await assertInert(page, 'sign-in refused');
			if (!bypass)
				await screenshot(page, 'security-xss-login-refused');
		} finally {
			await context.close();
		}
	}
});

// The checks above can fail: the same payloads, not escaped, on a page of
// the server's origin served with the server's own CSP (and without it).
test('xss: the checks catch a payload that was not escaped', async () => {
	const csp = (await srv.request('GET', '/login', { auth: false }))
	    .headers.get('content-security-policy');
	assert.match(csp, /script-src 'self'/);
	for (const bypass of [false, true]) {
		for (const payload of [X.script, X.img, X.svg, X.dquote]) {
			const context = await browser.newContext({ bypassCSP: bypass });
			try {
				await context.route(`${srv.url}/unescaped`, (route) =>
				    route.fulfill({ status: 200, contentType:
				    'text/html; charset=utf-8',
				    headers: { 'content-security-policy': csp },
				    body: '<!doctype html><title>t</title><main>' +
				    `<input value="${payload}">${payload}</main>` }));
				const page = await watchedPage(context);
				await page.goto(`${srv.url}/unescaped`);
				await assert.rejects(assertInert(page, 'unescaped'),
				    assert.AssertionError, `${payload} (bypass ${bypass})`);
			} finally {
				await context.close();
			}
		}
	}
});

// After signing in the browser goes to next: wherever a (forged) form
// says, it must stay on this site.  Browsers drop tabs and line breaks
// from a URL, so "/<TAB>/evil.example" would be "//evil.example".
test('redirect: signing in never takes the browser off the site',
    async () => {
	const offsite = [];
	for (const next of ['//evil.example/', '/\\evil.example/',
	    '/\t/evil.example/', '/\n/evil.example/', '/\r\n/evil.example/',
	    'https://evil.example/', '/\t\\evil.example/',
	    ' //evil.example/', '\t//evil.example/']) {
		const context = await browser.newContext();
		try {
			await context.route('**/*', (route) => {
				const u = new URL(route.request().url());
				if (u.hostname !== '127.0.0.1') {
					offsite.push(`${JSON.stringify(next)} -> ${u.href}`);
					return route.abort();
				}
				return route.continue();
			});
			const page = await watchedPage(context);
			await page.goto(`${srv.url}/login`);
			// What a cross-site form would post.
			await page.$eval('input[name=next]', (el, v) => {
				el.value = v;
			}, next);
			await page.fill('#login-email', accounts.viewer.email);
			await page.fill('#login-password', accounts.viewer.password);
			await Promise.all([page.waitForNavigation({ waitUntil:
			    'commit' }).catch(() => {}),
			    page.click('#login button[type=submit]')]);
			await page.waitForTimeout(200);
			assert.equal(new URL(page.url()).hostname, '127.0.0.1',
			    `${JSON.stringify(next)}: ${page.url()}`);
		} finally {
			await context.close();
		}
	}
	assert.deepEqual(offsite, [], 'no request left the site');
});
