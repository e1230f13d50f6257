// Helpers for the browser tests that drive the real pages
// (tests/browser/journeys.test.js, tests/browser/a11y.test.js).
//
//   await signIn(page, srv, 'pm@example.com', 'a-password');
//   await visit(page, srv, '/digest', 'j3-digest');   // goto + screenshot
//   await assertAccessible(page, 'the digest');        // axe-core
//
// Everything here acts as a person would: through the sign-in form, links,
// form fields and buttons.  API calls (srv.api) are only for what a
// journey says already exists.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TOP } from './harness.js';
import { screenshot } from './browser.js';

export const AXE_PATH = join(TOP, 'tests/node_modules/axe-core/axe.min.js');

// ISO date arithmetic in UTC, so that no time zone can shift a day.
export function addDays(iso, days) {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

// The ISO week ("2026-W48") of a date.
export function isoWeek(iso) {
	const d = new Date(`${iso}T00:00:00Z`);
	const dow = (d.getUTCDay() + 6) % 7;		// Monday 0
	d.setUTCDate(d.getUTCDate() - dow + 3);		// the week's Thursday
	const year = d.getUTCFullYear();
	const week = 1 + Math.floor((d - Date.UTC(year, 0, 1)) / 86400000 / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

// A context whose pages report console errors and uncaught exceptions
// (a CSP violation shows up as a console error).
export async function newContext(browser, opts = {}) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		...opts,
	});
	context.errors = [];
	context.on('page', (p) => watch(p, context.errors));
	return context;
}

function watch(page, errors) {
	page.on('console', (m) => {
		if (m.type() === 'error')
			errors.push(`${page.url()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
}

// Go to a path and save what the page looks like.
export async function visit(page, srv, path, shot) {
	const r = await page.goto(srv.url + path);
	assert.ok(r, `no response for ${path}`);
	assert.equal(r.status(), 200, `GET ${path}: ${r.status()}`);
	if (shot)
		await screenshot(page, shot);
	return r;
}

// Click something that submits a form and wait for the page that follows.
export async function submit(page, locator) {
	const [r] = await Promise.all([
		page.waitForNavigation(),
		locator.click(),
	]);
	return r;
}

// Sign in through /login as a person does; lands on the portfolio (or next).
export async function signIn(page, srv, email, password, shot) {
	await page.goto(srv.url + '/login');
	assert.equal(await page.locator('h1').innerText(), 'Sign in');
	if (shot)
		await screenshot(page, shot);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await submit(page, page.getByRole('button', { name: 'Sign in' }));
	assert.notEqual(new URL(page.url()).pathname, '/login',
	    `sign-in as ${email} failed: ` + await page.locator('main')
	    .innerText());
	assert.ok(await page.getByRole('button', { name: 'Sign out' })
	    .isVisible(), 'signed in: the header offers to sign out');
}

// The risk sentences in the "Launch risks" section of a project page.
export async function projectRisks(page) {
	return page.locator('#risks ul.risks li').allInnerTexts();
}

// The person's name as the pages show it in <option>s: "Name (role)".
export function optionLabel(person) {
	return `${person.name} (${person.role})`;
}

// What a person picker (a project page's boxes, owners, handoffs) shows
// and sends for someone, as its list offers them: "Name (role) #id".
export function personRef(person) {
	return `${person.name} (${person.role}) #${person.id}`;
}

// Create people (they "already exist" in the journeys); returns by name.
export async function makePeople(srv, list) {
	const out = {};
	for (const [name, role] of list) {
		const r = await srv.api('POST', '/api/v1/people', { name,
		    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}` +
		    '@example.com', role });
		assert.equal(r.status, 201, r.text);
		out[name] = r.json;
	}
	return out;
}

// axe-core ---------------------------------------------------------------

// Load axe into the page.  The pages' Content-Security-Policy forbids
// inline script, so this needs a context made with { bypassCSP: true }
// (a11y contexts are; nothing of the pages' own depends on it).
async function loadAxe(page) {
	if (await page.evaluate(() => typeof window.axe === 'object'))
		return;
	await page.addScriptTag({ path: AXE_PATH });
	assert.ok(await page.evaluate(() => typeof window.axe === 'object'),
	    'axe-core did not load (is the context made with bypassCSP?)');
}

// Run axe on the whole page as it is now: every violation, as axe says,
// plus the text axe measured below its contrast minimum but left for a
// person to judge ("incomplete"): axe does that for text of exactly the
// background's colour (1:1), which is text nobody can read.
export async function axeViolations(page) {
	await loadAxe(page);
	return page.evaluate(async () => {
		const r = await window.axe.run(document, {
			resultTypes: ['violations', 'incomplete'],
		});
		const node = (n) => ({
			target: n.target.join(' '),
			html: n.html,
			summary: n.failureSummary ?? [...n.any, ...n.all,
			    ...n.none].map((c) => c.message).join('; '),
		});
		const out = r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			helpUrl: v.helpUrl,
			nodes: v.nodes.map(node),
		}));
		for (const v of r.incomplete) {
			if (v.id !== 'color-contrast')
				continue;
			const low = v.nodes.filter((n) => n.any.some((c) => {
				const d = c.data ?? {};
				const want = parseFloat(d.expectedContrastRatio);
				return typeof d.contrastRatio === 'number' &&
				    d.contrastRatio > 0 && want > 0 &&
				    d.contrastRatio < want;
			}));
			if (low.length > 0)
				out.push({
					id: 'color-contrast (measured, left ' +
					    'incomplete by axe)',
					impact: v.impact ?? 'serious',
					help: v.help,
					helpUrl: v.helpUrl,
					nodes: low.map(node),
				});
		}
		return out;
	});
}

export function formatViolations(violations) {
	return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
	    `    ${v.helpUrl}\n` + v.nodes.slice(0, 8).map((n) =>
	    `    - ${n.target}\n      ${n.html.slice(0, 200)}\n      ` +
	    (n.summary ?? '').replaceAll('\n', '\n      ')).join('\n') +
	    (v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` :
	    '')).join('\n');
}

// No serious or critical violation on the page; the minor and moderate
// ones are returned (and printed) for a person to look at.
export async function assertAccessible(page, what) {
	const all = await axeViolations(page);
	const bad = all.filter((v) => v.impact === 'serious' ||
	    v.impact === 'critical');
	assert.equal(bad.length, 0, `axe-core on ${what} (${page.url()}) ` +
	    `found serious or critical violations:\n${formatViolations(bad)}`);
	const rest = all.filter((v) => !bad.includes(v));
	if (rest.length > 0)
		console.log(`# axe-core on ${what}: minor/moderate only:\n` +
		    formatViolations(rest));
	return rest;
}

// Every input, select and textarea a person can reach has a name that
// assistive technology reads out (a <label>, aria-label or labelledby).
export async function unlabelledFields(page) {
	return page.evaluate(() => {
		const out = [];
		for (const el of document.querySelectorAll(
		    'input, select, textarea')) {
			if (el.type === 'hidden')
				continue;
			const labelled = (el.labels && el.labels.length > 0 &&
			    [...el.labels].some((l) => l.textContent.trim()
			    !== '')) || (el.getAttribute('aria-label') ?? '')
			    .trim() !== '' || (el.getAttribute(
			    'aria-labelledby') ?? '').split(/\s+/).some((id) =>
			    (document.getElementById(id)?.textContent ?? '')
			    .trim() !== '');
			if (!labelled)
				out.push(el.outerHTML.slice(0, 160));
		}
		return out;
	});
}

// The outline drawn around the focused element, as computed.
export async function focusOutline(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		const s = getComputedStyle(el);
		return {
			tag: el.tagName.toLowerCase(),
			id: el.id,
			matchesFocus: el.matches(':focus'),
			style: s.outlineStyle,
			width: parseFloat(s.outlineWidth),
			color: s.outlineColor,
		};
	});
}

// Press Tab until the element matching selector has the focus; how many
// presses it took.  Fails after max presses.
export async function tabTo(page, selector, max = 400) {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((sel) =>
		    document.activeElement?.matches(sel) ?? false, selector))
			return i;
	}
	assert.fail(`Tab never reached ${selector} in ${max} presses`);
}
