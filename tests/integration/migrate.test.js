// Migrations: applied once each, in order, each in its own transaction; a
// failing one leaves the database at the previous version.  Then, at every
// run, the functions of sql/api/ are loaded afresh into schema api, in one
// transaction (src/tools/migrate.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, createDatabase, psql } from '../lib/harness.js';

function migrate(dir, db) {
	return new Promise((ok) => {
		execFile(join(TOP, 'src/tools/migrate.sh'), [], {
			env: {
				...process.env,
				MIGRATIONS_DIR: dir,
				DATABASE_URL: `host=${process.env.HANDOFF_TEST_PGHOST} ` +
				    `dbname=${db} user=handoff`,
			},
		}, (err, stdout, stderr) => ok({ code: err ? err.code : 0,
		    stdout, stderr }));
	});
}

async function emptyDatabase() {
	const db = await createDatabase();
	// The template is migrated already; start this one from nothing.
	await psql('DROP SCHEMA public CASCADE; CREATE SCHEMA public ' +
	    'AUTHORIZATION handoff; DROP SCHEMA IF EXISTS api CASCADE',
	    { db });
	return db;
}

test('a failing migration stops, names the file, keeps the old version',
    async () => {
	const dir = mkdtempSync(join(process.env.HANDOFF_TEST_DIR, 'mig-'));
	try {
		const db = await emptyDatabase();
		writeFileSync(join(dir, '0001_first.sql'),
		    'CREATE TABLE first (id int);\n');
		writeFileSync(join(dir, '0002_broken.sql'),
		    'CREATE TABLE second (id int);\nSELECT no_such_column FROM first;\n');
		writeFileSync(join(dir, '0003_after.sql'),
		    'CREATE TABLE third (id int);\n');
		// Loaded after the numbered migrations: checked against the
		// table that the last of them makes.
		mkdirSync(join(dir, 'api'));
		writeFileSync(join(dir, 'api', '10_thirds.sql'),
		    'CREATE FUNCTION api.thirds() RETURNS bigint\n' +
		    'LANGUAGE sql AS $$ SELECT count(*) FROM third $$;\n');

		const r = await migrate(dir, db);
		assert.notEqual(r.code, 0);
		assert.match(r.stderr, /0002_broken\.sql/);
		assert.match(r.stderr, /column "no_such_column" does not exist/);
		assert.match(r.stderr, /0002_broken failed/);

		assert.equal(await psql('SELECT string_agg(version, \',\' ' +
		    'ORDER BY version) FROM schema_migrations', { db }),
		    '0001_first');
		assert.equal(await psql("SELECT to_regclass('second') IS NULL",
		    { db }), 't', 'the failed file left nothing behind');
		assert.equal(await psql("SELECT to_regclass('third') IS NULL",
		    { db }), 't', 'nothing after the failure ran');
		assert.equal(await psql("SELECT to_regnamespace('api') IS NULL",
		    { db }), 't', 'no functions over a half-migrated schema');

		// Fixed: the rest applies, once.
		writeFileSync(join(dir, '0002_broken.sql'),
		    'CREATE TABLE second (id int);\n');
		const fixed = await migrate(dir, db);
		assert.equal(fixed.code, 0, fixed.stderr);
		assert.match(fixed.stdout, /applying 0002_broken/);
		assert.match(fixed.stdout, /applying 0003_after/);
		assert.equal(await psql('SELECT api.thirds()', { db }), '0');

		const again = await migrate(dir, db);
		assert.equal(again.code, 0);
		assert.doesNotMatch(again.stdout, /applying/,
		    'no numbered migration runs twice');
		assert.equal(await psql('SELECT count(*) FROM schema_migrations',
		    { db }), '3');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the real migrations apply cleanly to an empty database', async () => {
	const db = await emptyDatabase();
	const r = await migrate(join(TOP, 'sql'), db);
	assert.equal(r.code, 0, r.stderr);
	assert.equal(r.stderr, '');
	const again = await migrate(join(TOP, 'sql'), db);
	assert.equal(again.code, 0, again.stderr);
	assert.doesNotMatch(again.stdout, /applying/);
});
