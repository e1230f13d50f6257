// The plan rule of api.plan_fit (sql/api/20_projects.sql), written again
// from the README's words so that the tests derive what they expect from
// the inputs: the stages before the last fill the days start .. launch - 1
// in proportion to their template lengths, each at least its minimum; the
// last (monitoring) starts at the launch.
import { addDays } from './fixtures.js';

// sql/0002_domain.sql (weeks) and sql/0014_launch_plan.sql (min_days).
export const STAGE_TEMPLATE = [
	{ key: 'framing', weeks: 1, min: 2 },
	{ key: 'data', weeks: 2, min: 3 },
	{ key: 'baseline', weeks: 2, min: 3 },
	{ key: 'modelling', weeks: 2, min: 3 },
	{ key: 'evaluation', weeks: 1, min: 2 },
	{ key: 'production', weeks: 2, min: 3 },
	{ key: 'monitoring', weeks: 4, min: 7 },
];

export function daysBetween(a, b) {
	return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) /
	    86400000;
}

// The shortest window the stages from position `from` (0-based) need.
export function minimumWindow(from = 0) {
	return STAGE_TEMPLATE.slice(from, -1).reduce((n, s) => n + s.min, 0);
}

// The lengths in days of the stages before the launch, from `from`, for
// a window of `span` days; null when it is too short.  Exact rational
// shares: a share under its minimum takes the minimum, the others share
// the rest; then rounding at the running totals, half up.
export function fitLengths(span, from = 0) {
	const st = STAGE_TEMPLATE.slice(from, -1);
	if (span < minimumWindow(from))
		return null;
	const fixed = st.map(() => false);
	let rest, wsum;
	for (;;) {
		rest = span - st.reduce((n, s, i) => n + (fixed[i] ? s.min : 0),
		    0);
		wsum = st.reduce((n, s, i) => n + (fixed[i] ? 0 : 7 * s.weeks),
		    0);
		const under = st.map((s, i) => !fixed[i] &&
		    rest * 7 * s.weeks < s.min * wsum);
		if (!under.some(Boolean))
			break;
		under.forEach((u, i) => { if (u) fixed[i] = true; });
	}
	let cum = 0, prev = 0;
	return st.map((s, i) => {
		if (fixed[i])
			return s.min;
		cum += 7 * s.weeks;
		// Half up: floor(rest * cum / wsum + 1/2), in integers.
		const cur = Math.floor((2 * rest * cum + wsum) / (2 * wsum));
		const len = cur - prev;
		prev = cur;
		return len;
	});
}

// The planned stages as the project document lists them (key,
// planned_start, planned_end), from `from`; the last stage lasts
// lastDays (its template's length by default).
export function fitPlan(start, launch, from = 0, lastDays) {
	const lengths = fitLengths(daysBetween(start, launch), from);
	if (lengths === null)
		return null;
	const st = STAGE_TEMPLATE.slice(from, -1);
	let d = start;
	const out = st.map((s, i) => {
		const e = { key: s.key, planned_start: d,
		    planned_end: addDays(d, lengths[i] - 1) };
		d = addDays(d, lengths[i]);
		return e;
	});
	const last = STAGE_TEMPLATE[STAGE_TEMPLATE.length - 1];
	out.push({ key: last.key, planned_start: launch,
	    planned_end: addDays(launch, (lastDays ?? 7 * last.weeks) - 1) });
	return out;
}
