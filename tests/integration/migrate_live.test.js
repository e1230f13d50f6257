// Migrating while servers run (an upgrade, one instance after another):
// src/tools/migrate.sh makes schema api again, triggers included, while
// the server reads and writes and its ledger job makes the documents the
// rebuild threw away again.  Without the rebuild's taking every table at
// once (or none, and again), a server's transaction and the rebuild each
// held a table the other waited for, and PostgreSQL failed one of them:
// "deadlock detected" (CI, recovery.test.js).  Every migration must now
// succeed, and every request too, however often it had to wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

const execFileP = promisify(execFile);
const TODAY = '2026-11-25';
let srv;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await execFileP(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
});

after(async () => { await srv?.stop(); });

function migrate() {
	return new Promise((ok) => {
		execFile(join(TOP, 'src/tools/migrate.sh'), [], {
			env: { ...process.env, DATABASE_URL: srv.dsn },
		}, (err, stdout, stderr) => ok({ code: err ? err.code : 0,
		    stdout, stderr }));
	});
}

// Requests, one after another, until stop() is called: reads of a
// project's document and page, the portfolio, risks and the digest, and
// writes (a person made, a project renamed with If-Match).  Resolves with
// each answer's status and what it said when it was not a 2xx or 3xx.
function load(ids, stop, n) {
	const answers = [];
	const paths = (i) => [
		['GET', `/api/v1/projects/${ids[i % ids.length]}`],
		['GET', `/projects/${ids[i % ids.length]}`],
		['GET', '/api/v1/risks'],
		['GET', '/'],
		['GET', '/api/v1/digest'],
	];
	return (async () => {
		for (let i = 0; !stop.done; i++) {
			let r;
			if (i % 4 === 3) {
				r = await srv.api('POST', '/api/v1/people', {
					name: `Load ${n}.${i}`, email:
					    `load-${n}-${i}@example.com`,
					role: 'swe' });
			} else if (i % 4 === 2) {
				const id = ids[i % ids.length];
				const got = await srv.api('GET',
				    `/api/v1/projects/${id}`);
				if (got.status !== 200) {
					answers.push({ status: got.status,
					    text: got.text.slice(0, 300) });
					continue;
				}
				r = await srv.request('PATCH',
				    `/api/v1/projects/${id}`, { headers:
				    { 'if-match': got.headers.get('etag') },
				    body: { name: `Renamed ${n}.${i}` } });
				// Another loop's edit in between is a 412.
				if (r.status === 412)
					continue;
			} else {
				const [method, path] = paths(i)[i % 5];
				r = await srv.request(method, path);
			}
			answers.push({ status: r.status, text: r.status >= 400 ?
			    r.text.slice(0, 300) : '' });
		}
		return answers;
	})();
}

test('migrations while the server reads and writes: all of them succeed, ' +
    'and every request', async (t) => {
	const list = await srv.api('GET', '/api/v1/projects?limit=100');
	assert.equal(list.status, 200, list.text);
	const ids = list.json.projects.map((p) => p.id);
	assert.ok(ids.length >= 5);

	const stop = { done: false };
	const loads = [0, 1, 2, 3].map((n) => load(ids, stop, n));
	const runs = [];
	try {
		for (let i = 0; i < 6; i++)
			runs.push(await migrate());
	} finally {
		stop.done = true;
	}
	const answers = (await Promise.all(loads)).flat();

	for (const r of runs) {
		assert.equal(r.code, 0, r.stderr);
		assert.doesNotMatch(r.stderr, /deadlock|ERROR/);
	}
	assert.ok(answers.length >= 40, `only ${answers.length} requests`);
	// What it took, for whoever reads the run: the rebuild's tries and
	// the statements the server sent again.
	const tries = runs.map((r) => Number(/loaded at try (\d+)/
	    .exec(r.stdout)?.[1] ?? 1));
	t.diagnostic(`${answers.length} requests; migrations took ` +
	    `${tries.join(', ')} tries; ` +
	    `${(srv.fullLog().match(/ sent again /g) ?? []).length} ` +
	    'statements were sent again');
	const failed = answers.filter((a) => a.status >= 400);
	assert.deepEqual(failed, [], 'every request succeeded');

	// The last rename of each project is what its document says.
	const names = await srv.api('GET', '/api/v1/projects?limit=100');
	assert.ok(names.json.projects.some((p) => /^Renamed /.test(p.name)));
});
