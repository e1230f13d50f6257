/*
 * handoffctl: accounts from the command line, against the database of
 * DATABASE_URL (the same one the server uses).
 *
 *   handoffctl user-add --email E --name N --role R [--password P]
 *   handoffctl user-password --email E [--password P]
 *   handoffctl user-role --email E --role R
 *   handoffctl token-add --email E --name N
 *   handoffctl users
 *
 * Without --password the password is read from standard input (one line),
 * so it stays out of the shell history.  Passwords are checked and hashed,
 * and tokens made, by the server's own code (secret.c): a password has
 * the same rule here as on the web, and a token is shown once and stored
 * as its SHA-256.  Changes go through the same api.*
 * functions as the server's and are audited as "handoffctl".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "secret.h"

struct opts {
	const char	*email;
	const char	*name;
	const char	*role;
	const char	*password;
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: handoffctl user-add --email E --name N --role R "
	    "[--password P]\n"
	    "       handoffctl user-password --email E [--password P]\n"
	    "       handoffctl user-role --email E --role R\n"
	    "       handoffctl token-add --email E --name N\n"
	    "       handoffctl users\n"
	    "Roles: viewer, member, pm, admin.  DATABASE_URL names the "
	    "database.\n");
	exit(2);
}

static void
die(const char *msg)
{
	fprintf(stderr, "handoffctl: %s\n", msg);
	exit(1);
}

/* Run one statement with text parameters; the result on success. */
static PGresult *
run(PGconn *db, const char *sql, int n, const char *const *params)
{
	PGresult	*res;
	const char	*msg;

	res = PQexecParams(db, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		fprintf(stderr, "handoffctl: %s\n", msg != NULL ? msg :
		    PQerrorMessage(db));
		PQclear(res);
		PQfinish(db);
		exit(1);
	}
	return (res);
}

/*
 * The password: given, or one line of standard input; then its hash.  A
 * line longer than out holds is too long (it cannot pass the rule).
 */
static void
read_password(const struct opts *o, char *out, size_t size,
    char hash[SECRET_PWHASH_LEN])
{
	if (o->password != NULL) {
		if (strlen(o->password) >= size)
			die("the password is too long");
		(void)snprintf(out, size, "%s", o->password);
	} else {
		if (fgets(out, (int)size, stdin) == NULL)
			die("give the password on standard input");
		if (strchr(out, '\n') == NULL && !feof(stdin))
			die("the password is too long");
		out[strcspn(out, "\r\n")] = '\0';
	}
	if (!secret_password_ok(out)) {
		sodium_memzero(out, size);
		fprintf(stderr, "handoffctl: a password has %d to %d "
		    "characters (UTF-8)\n", SECRET_PASSWORD_MIN,
		    SECRET_PASSWORD_MAX);
		exit(1);
	}
	if (secret_hash_password(out, hash) == -1)
		die("out of memory hashing the password");
	sodium_memzero(out, size);
}

static const char *
user_id(PGconn *db, const char *email, char *buf, size_t size)
{
	PGresult	*res;
	const char	*p[1] = { email };

	res = run(db, "SELECT id FROM users WHERE lower(email) = lower($1)",
	    1, p);
	if (PQntuples(res) != 1)
		die("no user with that email");
	(void)snprintf(buf, size, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return (buf);
}

int
main(int argc, char *argv[])
{
	struct opts		 o;
	struct secret_token	 t;
	PGconn			*db;
	PGresult		*res;
	const char		*cmd, *dsn, *p[2];
	char			 pw[SECRET_PASSWORD_SIZE + 2];	/* and CR LF */
	char			 hash[SECRET_PWHASH_LEN], id[32];
	int			 i;

	if (argc < 2)
		usage();
	cmd = argv[1];
	memset(&o, 0, sizeof(o));
	for (i = 2; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--email") == 0)
			o.email = argv[i + 1];
		else if (strcmp(argv[i], "--name") == 0)
			o.name = argv[i + 1];
		else if (strcmp(argv[i], "--role") == 0)
			o.role = argv[i + 1];
		else if (strcmp(argv[i], "--password") == 0)
			o.password = argv[i + 1];
		else
			usage();
	}
	if (i != argc)
		usage();

	if (secret_init() == -1)
		die("libsodium could not start");
	if ((dsn = getenv("DATABASE_URL")) == NULL || *dsn == '\0')
		die("DATABASE_URL is not set");
	db = PQconnectdb(dsn);
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "handoffctl: %s", PQerrorMessage(db));
		return (1);
	}

	if (strcmp(cmd, "user-add") == 0) {
		if (o.email == NULL || o.name == NULL || o.role == NULL)
			usage();
		read_password(&o, pw, sizeof(pw), hash);
		p[0] = o.email;
		p[1] = o.name;
		res = run(db, "SELECT api.user_create(json_build_object("
		    "'actor', 'handoffctl', 'today', current_date, 'body', "
		    "json_build_object('email', $1::text, 'name', $2::text, "
		    "'role', $3::text, 'password_hash', $4::text))::jsonb)", 4,
		    (const char *const []){ o.email, o.name, o.role, hash });
		printf("%s\n", PQgetvalue(res, 0, 0));
		PQclear(res);
	} else if (strcmp(cmd, "user-password") == 0 ||
	    strcmp(cmd, "user-role") == 0) {
		if (o.email == NULL)
			usage();
		(void)user_id(db, o.email, id, sizeof(id));
		if (strcmp(cmd, "user-role") == 0) {
			if (o.role == NULL)
				usage();
			p[0] = id;
			p[1] = o.role;
			res = run(db, "SELECT api.user_patch(json_build_object("
			    "'actor', 'handoffctl', 'today', current_date, "
			    "'path', json_build_object('user', $1::bigint), "
			    "'body', json_build_object('role', $2::text))"
			    "::jsonb)", 2, p);
		} else {
			read_password(&o, pw, sizeof(pw), hash);
			p[0] = id;
			p[1] = hash;
			res = run(db, "SELECT api.user_patch(json_build_object("
			    "'actor', 'handoffctl', 'today', current_date, "
			    "'path', json_build_object('user', $1::bigint), "
			    "'body', json_build_object('password_hash', "
			    "$2::text))::jsonb)", 2, p);
		}
		printf("%s\n", PQgetvalue(res, 0, 0));
		PQclear(res);
	} else if (strcmp(cmd, "token-add") == 0) {
		if (o.email == NULL || o.name == NULL)
			usage();
		(void)user_id(db, o.email, id, sizeof(id));
		secret_new_token(&t);
		res = run(db, "SELECT api.token_create(json_build_object("
		    "'actor', 'handoffctl', 'today', current_date, "
		    "'user_id', $1::bigint, 'token_hash', $2::text, "
		    "'prefix', $3::text, 'body', json_build_object('name', "
		    "$4::text))::jsonb)", 4,
		    (const char *const []){ id, t.hash, t.prefix, o.name });
		PQclear(res);
		/* The only time the token is ever shown. */
		printf("%s\n", t.token);
		sodium_memzero(&t, sizeof(t));
	} else if (strcmp(cmd, "users") == 0) {
		res = run(db, "SELECT email, role, CASE WHEN active THEN "
		    "'active' ELSE 'inactive' END, name FROM users "
		    "ORDER BY email", 0, NULL);
		for (i = 0; i < PQntuples(res); i++)
			printf("%-32s %-7s %-9s %s\n", PQgetvalue(res, i, 0),
			    PQgetvalue(res, i, 1), PQgetvalue(res, i, 2),
			    PQgetvalue(res, i, 3));
		PQclear(res);
	} else {
		usage();
	}

	PQfinish(db);
	return (0);
}
