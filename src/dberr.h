/*
 * dberr: what a failed statement means for the client.
 *
 * PostgreSQL reports a failure as an SQLSTATE plus text.  The text is never
 * sent to a client, with one exception: the SQL functions of this project
 * raise their own class "HF" (HF400 bad input, HF401 nobody signed in,
 * HF403 a role too low, HFCSR a session's change without its CSRF token,
 * HF404 not found, HF409 conflict, HF412 stale version) with a message
 * written for users and the offending field in the COLUMN diagnostic.
 * Everything else maps to a fixed, generic message.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_DBERR_H
#define HANDOFF_DBERR_H

struct db_error {
	int	status;		/* HTTP status the failure maps to */
	char	code[32];	/* stable machine-readable code */
	char	message[1024];	/* safe to show to a client */
	char	field[64];	/* the input field at fault, or "" */
	char	detail[256];	/* for the server's log only, or "" */
	/*
	 * The HF class only: a JSON object whose members go into the
	 * client's error object (the HINT diagnostic of api.fail_with()),
	 * or "".  A value too long for it is left out whole.
	 */
	char	data[8192];
	/*
	 * The statement failed as a whole and may well succeed if sent again
	 * as it was: a serialization failure or deadlock, or schema api made
	 * again (src/tools/migrate.sh) while the statement ran the functions
	 * of before, which then call ones that are gone.
	 */
	int	again;
};

/*
 * Fill err from a statement's diagnostics.  sqlstate is NULL when no result
 * came back at all (the connection failed).  message and column are only
 * read for the HF class, and message to tell that schema api was made
 * again under the statement.
 */
void	dberr_map(struct db_error *, const char *sqlstate,
	    const char *message, const char *column);

/* Keep an HF-class failure's data (its HINT) on err, if it fits. */
void	dberr_data(struct db_error *, const char *sqlstate, const char *);

/* Fill err directly (for failures found before any statement ran). */
void	dberr_set(struct db_error *, int, const char *, const char *,
	    const char *);

#endif
