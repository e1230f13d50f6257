/*
 * render_modelcard: a model card draft in Markdown, from a project's
 * document (api.model_card(), the project document of api.project_document).
 *
 * The sections are Mitchell et al.'s ("Model Cards for Model Reporting",
 * 2019).  Each is filled from what handoff knows: the kickoff spec, the
 * ownership matrix, the checkpoints and the readiness checklist.  What
 * handoff cannot know (the model's type, its data, its measured results)
 * is said so, in one fixed form, never invented.  Every value a person
 * typed goes through the digest's Markdown escaper (md_text()).
 *
 * Pure: no Kore, no libpq (jansson for the document).
 */
#include <stdio.h>
#include <string.h>

#include "render.h"

#define UNKNOWN		"handoff does not know this: "

static const char *
str(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

/* "7/11 (0.64)": items answered yes over the items that apply. */
void
readiness_score_text(char *buf, size_t size, long long yes,
    long long applicable)
{
	if (applicable <= 0) {
		(void)snprintf(buf, size, "no item applies");
		return;
	}
	(void)snprintf(buf, size, "%lld/%lld (%.2f)", yes, applicable,
	    (double)yes / (double)applicable);
}

/*
 * An outside link, [text](url): the URL was checked as http(s) when it
 * was saved; what would end the link or the line is percent-encoded.
 */
static void
md_url_link(struct sbuf *b, const char *text, const char *url)
{
	const char	*s;

	sbuf_char(b, '[');
	md_text(b, text);
	sbuf_str(b, "](");
	for (s = url; *s != '\0'; s++) {
		if (*s == '(' || *s == ')' || *s == '<' || *s == '>' ||
		    *s == ' ' || *s == '\\' || *s == '\n' || *s == '\r' ||
		    *s == '\t')
			sbuf_printf(b, "%%%02X", (unsigned char)*s);
		else
			sbuf_char(b, *s);
	}
	sbuf_char(b, ')');
}

/* "- **Label:** the answer", or what handoff does not know. */
static void
spec_line(struct sbuf *b, const json_t *doc, const char *label,
    enum spec_field f)
{
	const char	*v;

	v = str(json_object_get(doc, "spec"), spec_key(f));
	sbuf_printf(b, "- **%s:** ", label);
	if (v != NULL && *v != '\0')
		md_text(b, v);
	else
		sbuf_printf(b, UNKNOWN "the kickoff spec does not say %s yet.",
		    spec_label(f));
	sbuf_char(b, '\n');
}

static const json_t *
readiness_item(const json_t *doc, enum readiness_item i)
{
	const json_t	*items, *it;
	size_t		 k;

	items = json_object_get(json_object_get(doc, "readiness"), "items");
	json_array_foreach(items, k, it) {
		const char *key = str(it, "key");
		if (key != NULL && strcmp(key, readiness_item_keys[i]) == 0)
			return (it);
	}
	return (NULL);
}

/* What an answer reads as: "yes", "not applicable", "not answered". */
static const char *
answer_text(const json_t *it)
{
	int	a;

	a = vocab_index(readiness_answer_keys, str(it, "answer"));
	return (a == -1 ? "not answered" :
	    readiness_answer_label((enum readiness_answer)a));
}

static void
evidence(struct sbuf *b, const char *url)
{
	if (url != NULL && *url != '\0')
		md_url_link(b, "evidence", url);
	else
		sbuf_str(b, "no evidence linked");
}

/* "- **Readiness: label:** yes (evidence)". */
static void
readiness_line(struct sbuf *b, const json_t *doc, enum readiness_item i)
{
	const json_t	*it = readiness_item(doc, i);

	sbuf_printf(b, "- **Readiness checklist, %s:** %s",
	    readiness_item_label(i), answer_text(it));
	if (it != NULL && str(it, "answer") != NULL) {
		sbuf_str(b, " (");
		evidence(b, str(it, "evidence_url"));
		sbuf_char(b, ')');
	}
	sbuf_char(b, '\n');
}

static void
section_details(struct sbuf *b, const json_t *doc)
{
	const json_t	*own, *row, *cell, *person;
	const char	*label;
	size_t		 i;
	int		 r, n;
	enum stage	 st;

	sbuf_str(b, "## Model details\n\n- **Project:** ");
	md_text(b, str(doc, "name"));
	sbuf_str(b, "\n- **Stage:** ");
	if (stage_from_key(str(doc, "stage"), &st) == 0)
		sbuf_str(b, stage_name(st));
	sbuf_printf(b, " (%s)\n", str(doc, "status") != NULL ?
	    str(doc, "status") : "?");
	sbuf_printf(b, "- **Kickoff:** %s; **target launch:** %s\n",
	    str(doc, "kickoff_on") != NULL ? str(doc, "kickoff_on") : "?",
	    str(doc, "target_launch_on") != NULL ?
	    str(doc, "target_launch_on") : "?");
	sbuf_str(b, "- **PM:** ");
	person = json_object_get(doc, "pm");
	if (str(person, "name") != NULL)
		md_text(b, str(person, "name"));
	else
		sbuf_str(b, UNKNOWN "no PM is named.");
	sbuf_str(b, "\n- **Owners (the ownership matrix):**\n");

	n = 0;
	own = json_object_get(doc, "ownership");
	json_array_foreach(own, i, row) {
		for (r = 0; r < ROLE_COUNT; r++) {
			cell = json_object_get(row, role_key((enum role)r));
			person = json_object_get(cell, "person");
			if (str(person, "name") == NULL)
				continue;
			sbuf_str(b, "  - ");
			md_text(b, str(row, "name"));
			/* As the organisation calls the role. */
			label = str(json_object_get(doc, "role_labels"),
			    role_key((enum role)r));
			sbuf_str(b, ", ");
			md_text(b, label != NULL ? label :
			    role_label((enum role)r));
			sbuf_str(b, ": ");
			md_text(b, str(person, "name"));
			sbuf_char(b, '\n');
			n++;
		}
	}
	if (n == 0)
		sbuf_str(b, "  - " UNKNOWN "no box of the matrix is filled.\n");
	sbuf_str(b, "- " UNKNOWN "the model's type and architecture, its "
	    "version, when it was trained, its licence and how to cite "
	    "it.\n\n");
}

static void
section_intended_use(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "## Intended use\n\n");
	spec_line(b, doc, "Primary use: the decision the model makes",
	    SPEC_DECISION);
	sbuf_str(b, "- " UNKNOWN "the intended users beyond the decision "
	    "above, and the uses that are out of scope.\n\n");
}

static void
section_factors(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "## Factors\n\n");
	readiness_line(b, doc, READINESS_SLICE_ANALYSIS);
	sbuf_str(b, "- " UNKNOWN "the groups, instruments and environments "
	    "that matter, and which of them were evaluated.\n\n");
}

static void
section_metrics(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "## Metrics\n\n");
	spec_line(b, doc, "Primary metric and target", SPEC_PRIMARY_METRIC);
	spec_line(b, doc, "Secondary constraint (the tradeoff)",
	    SPEC_SECONDARY_CONSTRAINT);
	spec_line(b, doc, "Which error is worse, and why", SPEC_WORSE_ERROR);
	readiness_line(b, doc, READINESS_CALIBRATION);
	sbuf_str(b, "- " UNKNOWN "the decision thresholds, and how "
	    "variation in the metrics was measured.\n\n");
}

static void
section_evaluation(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "## Evaluation data\n\n");
	spec_line(b, doc, "Baseline", SPEC_BASELINE);
	readiness_line(b, doc, READINESS_TEST_METRICS);
	sbuf_str(b, "- " UNKNOWN "the evaluation datasets, why they were "
	    "chosen and how they were preprocessed.\n\n");
}

/* The checkpoints of one stage (or all, with NULL) as a list. */
static int
checkpoint_lines(struct sbuf *b, const json_t *doc, const char *stage)
{
	const json_t	*cps, *c;
	const char	*outcome, *done;
	size_t		 i;
	int		 n = 0;

	cps = json_object_get(doc, "checkpoints");
	json_array_foreach(cps, i, c) {
		if (stage != NULL && (str(c, "stage") == NULL ||
		    strcmp(str(c, "stage"), stage) != 0))
			continue;
		sbuf_str(b, "- ");
		md_text(b, str(c, "title"));
		sbuf_printf(b, ": %s", str(c, "status") != NULL ?
		    str(c, "status") : "?");
		if ((done = str(c, "completed_on")) != NULL)
			sbuf_printf(b, " on %s", done);
		else if (str(c, "due_on") != NULL)
			sbuf_printf(b, ", due %s", str(c, "due_on"));
		if ((outcome = str(c, "outcome")) != NULL)
			sbuf_printf(b, ", outcome %s", outcome);
		sbuf_str(b, " (");
		evidence(b, str(c, "evidence_url"));
		sbuf_str(b, ")\n");
		n++;
	}
	return (n);
}

static void
section_training(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "## Training data\n\n");
	sbuf_str(b, "The data exploration checkpoints:\n\n");
	if (checkpoint_lines(b, doc, "data") == 0)
		sbuf_str(b, "- none\n");
	sbuf_str(b, "- " UNKNOWN "the training data, where it comes from, "
	    "its size and how it was preprocessed.\n\n");
}

static void
section_quantitative(struct sbuf *b, const json_t *doc)
{
	const json_t	*rd, *score, *items, *it;
	char		 sc[64];
	size_t		 i;

	sbuf_str(b, "## Quantitative analyses\n\n");
	sbuf_str(b, "Checkpoint outcomes:\n\n");
	if (checkpoint_lines(b, doc, NULL) == 0)
		sbuf_str(b, "- none\n");

	rd = json_object_get(doc, "readiness");
	score = json_object_get(rd, "score");
	readiness_score_text(sc, sizeof(sc),
	    json_integer_value(json_object_get(score, "yes")),
	    json_integer_value(json_object_get(score, "applicable")));
	sbuf_printf(b, "\nThe production readiness review's checklist, "
	    "score %s:\n\n", sc);
	sbuf_str(b, "| item | answer | evidence | answered by |\n");
	sbuf_str(b, "| --- | --- | --- | --- |\n");
	items = json_object_get(rd, "items");
	json_array_foreach(items, i, it) {
		sbuf_str(b, "| ");
		md_text(b, str(it, "label"));
		sbuf_printf(b, " | %s | ", answer_text(it));
		if (str(it, "evidence_url") != NULL)
			evidence(b, str(it, "evidence_url"));
		sbuf_str(b, " | ");
		if (str(it, "answered_by") != NULL) {
			md_text(b, str(it, "answered_by"));
			sbuf_printf(b, " on %s",
			    str(it, "answered_on") != NULL ?
			    str(it, "answered_on") : "?");
		}
		sbuf_str(b, " |\n");
	}
	sbuf_str(b, "\n- " UNKNOWN "the measured results, overall and by "
	    "slice (unitary and intersectional).\n\n");
}

static void
section_ethics(struct sbuf *b, const json_t *doc)
{
	(void)doc;
	sbuf_str(b, "## Ethical considerations\n\n");
	sbuf_str(b, "- See the bias audit under Factors and which error is "
	    "worse under Metrics.\n");
	sbuf_str(b, "- " UNKNOWN "whether sensitive data is used, the risks "
	    "to people and how they are mitigated.\n\n");
}

static void
section_caveats(struct sbuf *b, const json_t *doc)
{
	const json_t	*rd, *items, *it, *w;
	size_t		 i;
	int		 n;

	sbuf_str(b, "## Caveats and recommendations\n\n");
	spec_line(b, doc, "Fallback behaviour", SPEC_FALLBACK);
	spec_line(b, doc, "Monitoring trigger", SPEC_MONITORING_TRIGGER);
	rd = json_object_get(doc, "readiness");
	items = json_object_get(rd, "items");
	n = 0;
	json_array_foreach(items, i, it) {
		if (str(it, "answer") != NULL &&
		    strcmp(str(it, "answer"), "na") == 0)
			continue;
		if (str(it, "answer") != NULL &&
		    strcmp(str(it, "answer"), "yes") == 0)
			continue;
		sbuf_str(b, n == 0 ? "- **Readiness gaps:** " : "; ");
		md_text(b, str(it, "label"));
		sbuf_printf(b, " (%s)", answer_text(it));
		n++;
	}
	if (n > 0)
		sbuf_str(b, "\n");
	if ((w = json_object_get(rd, "waiver")) != NULL && !json_is_null(w)) {
		sbuf_str(b, "- **Readiness review waived:** ");
		md_text(b, str(w, "reason"));
		sbuf_str(b, " (");
		md_text(b, str(w, "by"));
		sbuf_printf(b, " on %s)\n", str(w, "on") != NULL ?
		    str(w, "on") : "?");
	}
	sbuf_str(b, "- " UNKNOWN "further caveats and recommendations "
	    "from the team.\n");
}

int
render_model_card(struct sbuf *b, const json_t *doc)
{
	sbuf_str(b, "# Model card draft: ");
	md_text(b, str(doc, "name"));
	sbuf_str(b, "\n\nA draft drawn from what handoff knows about this "
	    "project: the kickoff spec, the ownership matrix, the checkpoints "
	    "and the production readiness review. Where handoff does not know, "
	    "it says so; fill those parts in before publishing.\n\n");
	section_details(b, doc);
	section_intended_use(b, doc);
	section_factors(b, doc);
	section_metrics(b, doc);
	section_evaluation(b, doc);
	section_training(b, doc);
	section_quantitative(b, doc);
	section_ethics(b, doc);
	section_caveats(b, doc);
	return (sbuf_failed(b) ? -1 : 0);
}
