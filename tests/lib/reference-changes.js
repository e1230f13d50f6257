// Reference rows (stages, templates, settings: data the release ships, not
// data a user wrote) that a migration changes on purpose.  The upgrade
// tests (upgrade.test.js, migrate.test.js) compare every row of before
// with after over the columns before had, and accept these changes and no
// other: a migration that changes a reference row must say so here.
export const REFERENCE_CHANGES = [
	{
		table: 'checkpoint_templates', migration: '0014_launch_plan',
		why: 'the framing sign-off is due one week after kickoff',
		where: { position: 1, week_offset: 0 },
		set: { week_offset: 1 },
	},
];

// A row of table (an object of its columns) as this release's migrations
// leave it.
export function asMigrated(table, row) {
	let out = row;
	for (const c of REFERENCE_CHANGES) {
		if (c.table === table && Object.entries(c.where)
		    .every(([k, v]) => out[k] === v))
			out = { ...out, ...c.set };
	}
	return out;
}

// One text per row, its keys sorted: rows compare as texts.
export function canonical(row) {
	return JSON.stringify(Object.fromEntries(Object.entries(row)
	    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
