/* Unit tests: the readiness score and the model card draft's Markdown. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render.h"

static void
test_score_text(void **state)
{
	char	buf[64];

	(void)state;
	readiness_score_text(buf, sizeof(buf), 7, 11);
	assert_string_equal(buf, "7/11 (0.64)");
	readiness_score_text(buf, sizeof(buf), 0, 12);
	assert_string_equal(buf, "0/12 (0.00)");
	readiness_score_text(buf, sizeof(buf), 12, 12);
	assert_string_equal(buf, "12/12 (1.00)");
	/* Every item not applicable: no score, never a division by zero. */
	readiness_score_text(buf, sizeof(buf), 0, 0);
	assert_string_equal(buf, "no item applies");
}

/* The card of a document given as JSON text. */
static char *
card(const char *text)
{
	json_error_t	 err;
	json_t		*doc;
	struct sbuf	 b;
	char		*out;

	doc = json_loads(text, 0, &err);
	assert_non_null(doc);
	sbuf_init(&b);
	assert_int_equal(render_model_card(&b, doc), 0);
	out = strdup(sbuf_cstr(&b));
	sbuf_free(&b);
	json_decref(doc);
	return (out);
}

static void
test_unknown_is_said(void **state)
{
	char	*t;

	(void)state;
	t = card("{\"name\": \"Bare\", \"stage\": \"framing\", "
	    "\"status\": \"active\", \"spec\": {}, \"checkpoints\": [], "
	    "\"ownership\": [], \"readiness\": {\"items\": [], \"score\": "
	    "{\"yes\": 0, \"applicable\": 0}}}");
	assert_non_null(strstr(t, "# Model card draft: Bare\n"));
	assert_non_null(strstr(t, "- **Primary use: the decision the model "
	    "makes:** handoff does not know this: the kickoff spec does not "
	    "say the decision the model makes yet.\n"));
	assert_non_null(strstr(t, "  - handoff does not know this: no box "
	    "of the matrix is filled.\n"));
	assert_non_null(strstr(t, "- **PM:** handoff does not know this"));
	assert_non_null(strstr(t, "score no item applies"));
	assert_null(strstr(t, "Readiness gaps"));
	free(t);
}

static void
test_filled_and_escaped(void **state)
{
	char	*t;

	(void)state;
	t = card("{\"name\": \"Fraud | *x*\", \"stage\": \"production\", "
	    "\"status\": \"active\", \"kickoff_on\": \"2026-01-05\", "
	    "\"target_launch_on\": \"2026-04-06\", "
	    "\"pm\": {\"name\": \"Tom [PM]\"}, "
	    "\"spec\": {\"decision\": \"Hold\\n# or _not_\", "
	    "\"baseline\": \"rules: 0.62\"}, "
	    "\"ownership\": [{\"name\": \"Model serving\", \"ds\": "
	    "{\"person\": null}, \"mle\": {\"person\": {\"name\": \"Ben\"}}}], "
	    "\"checkpoints\": [{\"title\": \"Data `call`\", \"stage\": "
	    "\"data\", \"status\": \"done\", \"completed_on\": \"2026-01-20\", "
	    "\"outcome\": \"go\", \"evidence_url\": "
	    "\"https://e.example.com/a(b) c\"}], "
	    "\"readiness\": {\"items\": [{\"key\": \"slice_analysis\", "
	    "\"label\": \"error analysis by slice and a bias audit\", "
	    "\"answer\": \"no\", \"evidence_url\": null, "
	    "\"answered_by\": \"a_b\", \"answered_on\": \"2026-03-01\"}], "
	    "\"score\": {\"yes\": 0, \"applicable\": 12}, \"waiver\": null}}");
	assert_non_null(strstr(t, "# Model card draft: Fraud \\| \\*x\\*\n"));
	assert_non_null(strstr(t, "- **PM:** Tom \\[PM\\]\n"));
	assert_non_null(strstr(t, "  - Model serving, MLE: Ben\n"));
	assert_null(strstr(t, "Model serving, DS"));
	assert_non_null(strstr(t, "makes:** Hold \\# or \\_not\\_\n"));
	assert_non_null(strstr(t, "- **Baseline:** rules: 0.62\n"));
	assert_non_null(strstr(t, "- Data \\`call\\`: done on 2026-01-20, "
	    "outcome go ([evidence](https://e.example.com/a%28b%29%20c))\n"));
	assert_non_null(strstr(t, "- **Readiness checklist, error analysis by "
	    "slice and a bias audit:** no (no evidence linked)\n"));
	assert_non_null(strstr(t, "score 0/12 (0.00)"));
	assert_non_null(strstr(t, "| error analysis by slice and a bias audit "
	    "| no |  | a\\_b on 2026-03-01 |\n"));
	assert_non_null(strstr(t, "- **Readiness gaps:** error analysis by "
	    "slice and a bias audit (no)\n"));
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_text),
		cmocka_unit_test(test_unknown_is_said),
		cmocka_unit_test(test_filled_and_escaped),
	};

	return (cmocka_run_group_tests_name("modelcard", tests, NULL, NULL));
}
