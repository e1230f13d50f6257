// The phone layout (assets/style.css, "Phone layout"), in Chromium, on the
// demo portfolio (sql/demo/seed.sql through src/tools/seed.sh): at 390 px
// (a phone) and at 1280 px (a laptop), the portfolio, the people page, the
// digest, My work (/me) and the project pages (matrix included)
//
//   - never scroll sideways: document.documentElement.scrollWidth is the
//     viewport's width, with every <details> closed and with every one open;
//   - pass axe-core (no serious or critical violation);
//   - at 390 px: the portfolio's risks, the matrix's DS/MLE/SWE boxes (one
//     card per responsibility, each box labelled) and the checkpoints are
//     on screen, and the timeline keeps a legible size, scrolling inside
//     its own box rather than the page;
//   - at 1280 px: the tables are still tables, the timeline fits its box.
//
// Screenshots of each page as it loads land in tests/output/ (phone-390-*,
// phone-1280-*).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer, TOP } from '../lib/harness.js';
import { launch } from '../lib/browser.js';
import { assertAccessible, newContext, signIn, visit } from
    '../lib/pages.js';

const TODAY = '2026-11-23';		// a Monday; the demo is dated from it
const PM = ['maya@example.com', 'demo-pm-pass'];
const WIDTHS = [390, 1280];

let srv, browser, projects;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY } });
	const r = await srv.api('GET', '/api/v1/projects?limit=50&status=all');
	assert.equal(r.status, 200, r.text);
	projects = r.json.projects;
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await srv?.stop();
});

function project(name) {
	const p = projects.find((x) => x.name.startsWith(name));
	assert.ok(p, `demo project ${name}`);
	return p;
}

async function phonePage(width) {
	const context = await newContext(browser, { bypassCSP: true,
	    viewport: { width, height: 844 } });
	const page = await context.newPage();
	await signIn(page, srv, ...PM);
	return { context, page };
}

// What sticks out on the right of the viewport (the outermost elements
// only), for the message when the page scrolls sideways.
async function sideways(page) {
	return page.evaluate(() => {
		const vw = window.innerWidth;
		const out = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			const p = el.parentElement.getBoundingClientRect();
			if (r.width > 0 && r.right > vw + 0.5 && p.right <= vw + 0.5)
				out.push(`${el.tagName.toLowerCase()}` +
				    `${el.id ? '#' + el.id : ''}` +
				    `${el.className && typeof el.className ===
				    'string' ? '.' + el.className.trim()
				    .replaceAll(/\s+/g, '.') : ''} ` +
				    `(right edge at ${Math.round(r.right)})`);
		}
		return { scrollWidth: document.documentElement.scrollWidth,
		    viewport: vw, out: out.slice(0, 10) };
	});
}

async function assertNoSideways(page, width, what) {
	const s = await sideways(page);
	assert.equal(s.viewport, width, 'the viewport is the one asked for');
	assert.equal(s.scrollWidth, width, `${what} at ${width} px scrolls ` +
	    `sideways; sticking out: ${s.out.join(', ')}`);
}

// The page as it loads, then with every disclosure open (every form
// shown): no sideways scroll either way, and axe-core passes.
async function check(page, width, path, what, shot) {
	await visit(page, srv, path, `phone-${width}-${shot}`);
	await assertNoSideways(page, width, what);
	await assertAccessible(page, `${what} at ${width} px`);
	const opened = await page.evaluate(() => {
		const all = document.querySelectorAll('details');
		all.forEach((d) => { d.open = true; });
		return all.length;
	});
	if (opened > 0) {
		await assertNoSideways(page, width,
		    `${what} with every form open`);
		await assertAccessible(page,
		    `${what} at ${width} px, every form open`);
	}
}

// Is the element's box on screen horizontally (and not empty)?
async function onScreen(locator) {
	return locator.evaluateAll((els) => els.map((el) => {
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.left >= -0.5 &&
		    r.right <= window.innerWidth + 0.5;
	}));
}

for (const width of WIDTHS) {
	test(`portfolio, people and digest at ${width} px`, async () => {
		const { context, page } = await phonePage(width);
		await check(page, width, '/', 'the portfolio', 'portfolio');
		await check(page, width, '/templates', 'the templates page',
		    'templates');
		await visit(page, srv, '/');
		// The risk column is there and on screen, for every project.
		const risks = page.locator('table.portfolio tbody tr > ' +
		    ':last-child');
		assert.match(await risks.first().innerText(),
		    /critical|high|medium|low/);
		assert.ok(await risks.count() >= 5, 'a risk cell per project');
		assert.deepEqual(await onScreen(risks),
		    Array(await risks.count()).fill(true),
		    'every project\'s risks are on screen');
		const head = await page.locator('table.portfolio thead')
		    .evaluate((el) => el.getBoundingClientRect().height);
		if (width === 390)
			assert.ok(head <= 1, 'one card per project: the ' +
			    'column heads are said by each cell instead');
		else
			assert.ok(head > 10, 'a table with its column heads');

		await check(page, width, '/people', 'the people page', 'people');
		await check(page, width, '/digest', 'the digest', 'digest');
		// My work, as the PM (Maya) sees it: her projects' risks,
		// her checkpoints and handoffs.
		await check(page, width, '/me', 'my work', 'me');
		assert.equal(await page.locator('h1').innerText(), 'My work');
		assert.match(await page.locator('header.top .who').innerText(),
		    /Maya/);
		const mine = page.locator('#my-risks li');
		assert.ok(await mine.count() > 0, 'risks on her projects');
		assert.deepEqual(await onScreen(mine),
		    Array(await mine.count()).fill(true),
		    'every risk of hers is on screen');
		assert.deepEqual(context.errors, []);
		await context.close();
	});

	test(`project pages and the ownership matrix at ${width} px`,
	    async () => {
		const { context, page } = await phonePage(width);
		for (const name of ['Instant-loan', 'Long-tail']) {
			const p = project(name);
			await check(page, width, `/projects/${p.id}`, p.name,
			    `project-${p.id}`);
		}
		const p = project('Instant-loan');
		await visit(page, srv, `/projects/${p.id}`);

		// Every box of the matrix on screen, and said whose column
		// it is: DS, MLE, SWE (the column heads at 1280, the box's
		// own label at 390).
		const boxes = page.locator('table.matrix tbody td');
		const n = await boxes.count();
		assert.ok(n >= 16 * 4, 'four cells per responsibility');
		assert.deepEqual(await onScreen(boxes), Array(n).fill(true),
		    'every box of the matrix is on screen');
		const labels = await page.locator('table.matrix tbody tr')
		    .first().locator('td').evaluateAll((tds) => tds.map((td) =>
		    getComputedStyle(td, '::before').content));
		if (width === 390) {
			assert.deepEqual(labels, ['"Needed by"', '"DS"', '"MLE"',
			    '"SWE"'], 'each box says its role');
			// One card per responsibility: its boxes one under
			// the other.
			const tops = await page.locator('table.matrix tbody tr')
			    .first().locator('td').evaluateAll((tds) => tds.map(
			    (td) => td.getBoundingClientRect().top));
			for (let i = 1; i < tops.length; i++)
				assert.ok(tops[i] > tops[i - 1], 'stacked boxes');
		} else {
			assert.deepEqual(await page.locator('table.matrix thead th')
			    .allInnerTexts(), ['RESPONSIBILITY', 'NEEDED BY', 'DS',
			    'MLE', 'SWE']);
		}
		const empty = page.locator('table.matrix td.cell-empty');
		assert.ok(await empty.count() > 0, 'the demo has empty boxes');
		assert.match(await empty.first().innerText(), /Empty/);

		// The checkpoints, each on screen.
		const cps = page.locator('table.checkpoints tbody tr[id] > *');
		assert.deepEqual(await onScreen(cps),
		    Array(await cps.count()).fill(true),
		    'every checkpoint cell is on screen');

		// The timeline: legible (its stage names drawn at 10 px or
		// more), scrolling in its own box and not the page.
		const tl = await page.locator('.timeline-scroll').evaluate(
		    (box) => ({
			scrollWidth: box.scrollWidth,
			clientWidth: box.clientWidth,
			right: box.getBoundingClientRect().right,
			text: Math.min(...[...box.querySelectorAll(
			    'text.tl-stage')].map((t) =>
			    t.getBoundingClientRect().height)),
		    }));
		assert.ok(tl.text >= 10, `timeline text ${tl.text} px high`);
		assert.ok(tl.right <= width, 'the timeline box is on screen');
		if (width === 390)
			assert.ok(tl.scrollWidth > tl.clientWidth,
			    'the timeline scrolls in its own box');
		else
			assert.equal(tl.scrollWidth, tl.clientWidth,
			    'the timeline fits at 1280 px');
		await assertNoSideways(page, width, 'the project page');
		assert.deepEqual(context.errors, []);
		await context.close();
	});
}
