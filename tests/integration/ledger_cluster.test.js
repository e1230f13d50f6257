// The risk ledger's catch-up (src/background.c, api.ledger_work) runs on a
// timer in every worker of every instance.  With two instances on one
// database: every dirty item is worked out and applied once (its lease and
// a per-item lock, not once per worker), and the items a runner leased and
// never gave back (it crashed) are taken over when the lease runs out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, psql, sleep, startServer } from '../lib/harness.js';
import { createPerson, createProject, TODAY } from '../lib/fixtures.js';

let a;
let b;
const N = 40;

before(async () => {
	a = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	b = await startServer({ db: a.db, env: { HANDOFF_TODAY: TODAY } });
	const pm = await createPerson(a, { role: 'pm' });
	for (let i = 0; i < N; i++)
		await createProject(i % 2 === 0 ? a : b, { pm_id: pm.id });
	await drained();
});

after(async () => {
	await a?.stop();
	await b?.stop();
});

const q = (sql) => psql(sql, { db: a.db });

async function drained() {
	assert.ok(await eventually(async () => await q('SELECT count(*) ' +
	    'FROM ledger_dirty') === '0', 60000), 'the ledger caught up');
}

// Each project's ledger version: one more for each apply.
async function versions() {
	return JSON.parse(await q(`SELECT coalesce(json_object_agg(item,
	    version), '{}') FROM ledger_items WHERE kind = 'project'`));
}

test('two instances: each dirty item is applied once', async () => {
	for (let round = 0; round < 3; round++) {
		const before = await versions();
		assert.equal(Object.keys(before).length, N);
		// Three rows per project, interleaved, all at once: every job
		// of both instances wants them on its next tick.
		await q(`INSERT INTO ledger_dirty (kind, item)
		    SELECT 'project', p.id FROM projects p,
		    generate_series(1, 3) g ORDER BY g, p.id`);
		await drained();
		const after = await versions();
		for (const [item, v] of Object.entries(before))
			assert.equal(after[item], v + 1,
			    `round ${round}: project ${item} applied ` +
			    `${after[item] - v} times`);
	}
});

test('a crashed runner\'s lease is taken over once it runs out', async () => {
	const ids = (await q('SELECT string_agg(id::text, \',\' ORDER BY id) ' +
	    'FROM (SELECT id FROM projects ORDER BY id LIMIT 5) x'))
	    .split(',').map(Number);
	const before = await versions();
	// Leased by a runner that died (it never applies nor lets go).
	await q(`INSERT INTO ledger_dirty (kind, item, claimed_until)
	    SELECT 'project', x, clock_timestamp() + interval '3 seconds'
	    FROM unnest(ARRAY[${ids.join(',')}]::bigint[]) x`);
	await sleep(1500);
	assert.equal(await q('SELECT count(*) FROM ledger_dirty'), '5',
	    'nobody takes an item whose lease holds');
	const mid = await versions();
	for (const id of ids)
		assert.equal(mid[id], before[id]);
	await drained();
	const after = await versions();
	for (const id of ids)
		assert.equal(after[id], before[id] + 1, `project ${id}`);
});
