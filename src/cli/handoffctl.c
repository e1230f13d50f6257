/*
 * handoffctl: accounts from the command line, against the database of
 * DATABASE_URL (the same one the server uses).
 *
 * Each command is one row of commands[] below: its name, the options it
 * needs and may take, one line of help and its function.  The usage text
 * and the checks of the command line are made from that table.
 *
 * A command does what the server does for the same request: one call of
 * an api.* function with the document the server would send (calldoc.c),
 * audited as "handoffctl", after the same work in C (secret.c): a
 * password is held to the web's rule and hashed with argon2id, a token is
 * random, printed once and stored as its SHA-256.  Every statement has the
 * document as its one parameter.
 *
 * A password is never an argument, where ps(1) and the shell history would
 * show it: it is the first line of --password-file FILE, or of standard
 * input (asked for twice, without echo, at a terminal).  A new password
 * revokes the account's API tokens, as on the web, unless --keep-tokens.
 *
 * Exit status: 0 done, 1 refused or failed (the message says why), 2 a
 * command line that is not understood.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libpq-fe.h>
#include <sodium.h>

#include "calldoc.h"
#include "date.h"
#include "secret.h"
#include "stmt.h"
#include "utf8.h"

#define CTL_ACTOR	"handoffctl"	/* who the audit log names */

/* The options of every command; a command says which it needs or takes. */
enum ctl_opt {
	OPT_EMAIL,
	OPT_NAME,
	OPT_ROLE,
	OPT_PASSWORD_FILE,
	OPT_KEEP_TOKENS,
	OPT_SCOPE,
	OPT_COUNT
};

#define OPT(o)		(1u << (o))

struct ctl_option {
	const char	*flag;
	const char	*value;		/* what the value is, in the usage;
					   NULL: a flag, which takes none */
	int		 text;		/* goes into JSON: must be UTF-8 */
};

static const struct ctl_option options[OPT_COUNT] = {
	[OPT_EMAIL] =		{ "--email", "EMAIL", 1 },
	[OPT_NAME] =		{ "--name", "NAME", 1 },
	[OPT_ROLE] =		{ "--role", "ROLE", 1 },
	[OPT_PASSWORD_FILE] =	{ "--password-file", "FILE", 0 },
	[OPT_KEEP_TOKENS] =	{ "--keep-tokens", NULL, 0 },
	[OPT_SCOPE] =		{ "--scope", "SCOPE", 1 },
};

struct ctl {
	const char	*opt[OPT_COUNT];	/* the values given, or NULL */
	PGconn		*db;
	day_t		 today;
};

struct ctl_command {
	const char	*name;
	unsigned int	 needs;		/* OPT() of the options it must have */
	unsigned int	 takes;		/* ... and of those it may have */
	const char	*help;		/* one line */
	int		(*run)(struct ctl *);	/* 0 done, 1 failed */
};

static int	cmd_user_add(struct ctl *);
static int	cmd_user_password(struct ctl *);
static int	cmd_user_role(struct ctl *);
static int	cmd_user_unlock(struct ctl *);
static int	cmd_token_add(struct ctl *);
static int	cmd_users(struct ctl *);

static const struct ctl_command commands[] = {
	{ "user-add", OPT(OPT_EMAIL) | OPT(OPT_NAME) | OPT(OPT_ROLE),
	    OPT(OPT_PASSWORD_FILE),
	    "add an account, with a password", cmd_user_add },
	{ "user-password", OPT(OPT_EMAIL),
	    OPT(OPT_PASSWORD_FILE) | OPT(OPT_KEEP_TOKENS),
	    "set an account's password (its sessions end, its API tokens\n"
	    "      are revoked unless --keep-tokens)",
	    cmd_user_password },
	{ "user-role", OPT(OPT_EMAIL) | OPT(OPT_ROLE), 0,
	    "change an account's role", cmd_user_role },
	{ "user-unlock", OPT(OPT_EMAIL), 0,
	    "end an account's lockout after failed sign-ins", cmd_user_unlock },
	{ "token-add", OPT(OPT_EMAIL) | OPT(OPT_NAME), OPT(OPT_SCOPE),
	    "make an API token named NAME for an account; shown only once;\n"
	    "      --scope metrics: one that reads GET /metrics, nothing else",
	    cmd_token_add },
	{ "users", 0, 0,
	    "list the accounts: email, role, state (active, locked or "
	    "inactive), name", cmd_users },
};

#define COMMANDS_LEN	(sizeof(commands) / sizeof(commands[0]))

static void	ctl_usage_error(const struct ctl_command *, const char *, ...)
		    __attribute__((format(printf, 2, 3), noreturn));
static void	ctl_warn(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

/* Usage, made from the table ---------------------------------------------- */

static void
usage_command(FILE *f, const char *prefix, const struct ctl_command *c)
{
	int	o;

	fprintf(f, "%s%s", prefix, c->name);
	for (o = 0; o < OPT_COUNT; o++) {
		if (c->needs & OPT(o))
			fprintf(f, " %s %s", options[o].flag,
			    options[o].value);
		else if ((c->takes & OPT(o)) && options[o].value == NULL)
			fprintf(f, " [%s]", options[o].flag);
		else if (c->takes & OPT(o))
			fprintf(f, " [%s %s]", options[o].flag,
			    options[o].value);
	}
	fprintf(f, "\n      %s\n", c->help);
}

static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f, "usage: handoffctl COMMAND [OPTION VALUE]...\n"
	    "       handoffctl [COMMAND] --help\n\ncommands:\n");
	for (i = 0; i < COMMANDS_LEN; i++)
		usage_command(f, "  ", &commands[i]);
	fprintf(f, "\nA password is never given on the command line: it is "
	    "the first line of\nstandard input (typed twice, without echo, "
	    "at a terminal) or of FILE.\nIt has %d to %d characters.  "
	    "ROLE is viewer, member, pm or admin.\nDATABASE_URL names the "
	    "database.\n", SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX);
}

/* "handoffctl: " and the message, on a line of standard error. */
static void
ctl_vwarn(const char *fmt, va_list ap)
{
	fprintf(stderr, "handoffctl: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
}

/* A command line we do not understand: say why, show how, exit 2. */
static void
ctl_usage_error(const struct ctl_command *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ctl_vwarn(fmt, ap);
	va_end(ap);
	if (c != NULL) {
		usage_command(stderr, "usage: handoffctl ", c);
	} else {
		usage(stderr);
	}
	exit(2);
}

static void
ctl_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ctl_vwarn(fmt, ap);
	va_end(ap);
}

/*
 * The command and its options, or exit: 0 after --help, 2 for anything
 * not in the table.  Options come as "--flag VALUE" or "--flag=VALUE".
 */
static const struct ctl_command *
parse_command_line(struct ctl *ctl, int argc, char *argv[])
{
	const struct ctl_command	*c;
	const char			*arg, *eq, *value;
	size_t				 i, len;
	int				 k, o;

	if (argc < 2)
		ctl_usage_error(NULL, "no command");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		exit(0);
	}
	c = NULL;
	for (i = 0; i < COMMANDS_LEN; i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			c = &commands[i];
	}
	if (c == NULL)
		ctl_usage_error(NULL, "unknown command \"%s\"", argv[1]);

	for (k = 2; k < argc; k++) {
		arg = argv[k];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			usage_command(stdout, "usage: handoffctl ", c);
			exit(0);
		}
		/* Messages name flags, never values: one may be a secret. */
		if (strncmp(arg, "--", 2) != 0)
			ctl_usage_error(c, "argument %d is not an option", k);
		len = (eq = strchr(arg, '=')) != NULL ? (size_t)(eq - arg) :
		    strlen(arg);
		for (o = 0; o < OPT_COUNT; o++) {
			if (strlen(options[o].flag) == len &&
			    strncmp(arg, options[o].flag, len) == 0)
				break;
		}
		if (o == OPT_COUNT && len == strlen("--password") &&
		    strncmp(arg, "--password", len) == 0)
			ctl_usage_error(c, "--password is not accepted (ps "
			    "would show it): give the password on standard "
			    "input or with --password-file");
		if (o == OPT_COUNT)
			ctl_usage_error(c, "unknown option %.*s", (int)len,
			    arg);
		if (((c->needs | c->takes) & OPT(o)) == 0)
			ctl_usage_error(c, "%s takes no %s", c->name,
			    options[o].flag);
		if (ctl->opt[o] != NULL)
			ctl_usage_error(c, "%s is given twice",
			    options[o].flag);
		if (options[o].value == NULL) {
			if (eq != NULL)
				ctl_usage_error(c, "%s takes no value",
				    options[o].flag);
			ctl->opt[o] = options[o].flag;
			continue;
		}
		if (eq != NULL)
			value = eq + 1;
		else if (k + 1 < argc && strncmp(argv[k + 1], "--", 2) != 0)
			value = argv[++k];
		else
			value = "";
		if (*value == '\0')
			ctl_usage_error(c, "%s needs a value",
			    options[o].flag);
		if (options[o].text && !utf8_valid(value, strlen(value)))
			ctl_usage_error(c, "%s is not UTF-8", options[o].flag);
		ctl->opt[o] = value;
	}

	for (o = 0; o < OPT_COUNT; o++) {
		if ((c->needs & OPT(o)) && ctl->opt[o] == NULL)
			ctl_usage_error(c, "%s needs %s", c->name,
			    options[o].flag);
	}
	return (c);
}

/* Calls of api.* functions ------------------------------------------------ */

/* As the server's app_today(): the local date, unless HANDOFF_TODAY. */
static day_t
ctl_today(void)
{
	const char	*env;
	time_t		 now;
	struct tm	 tm;
	day_t		 day;

	env = getenv("HANDOFF_TODAY");
	if (env != NULL && *env != '\0') {
		if (date_parse(env, &day) == 0)
			return (day);
		ctl_warn("HANDOFF_TODAY must be YYYY-MM-DD; ignoring it");
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return (date_from_ymd(1970, 1, 1) + (day_t)(now / 86400));
	return (date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}

/*
 * The document of a call (calldoc.c), as the server builds it for a user
 * (user_id, admin; 0 for nobody) but with handoffctl as the actor.  path
 * and body stay the caller's.  NULL when out of memory.
 */
static json_t *
ctl_doc(struct ctl *ctl, long long user_id, int admin, json_t *path,
    json_t *body)
{
	const struct calldoc	c = {
		.actor = CTL_ACTOR,
		.user_id = user_id,
		.admin = admin,
		.today = ctl->today,
		.if_match = -1,
		.path = path,
		.query = NULL,
		.body = body,
	};

	return (calldoc_build(&c));
}

/*
 * One api.* function, statement s of the catalog (stmt.c) with doc as $1
 * (doc is released here).  Its JSON answer, which the caller releases; or
 * NULL after saying what the database said.
 */
static json_t *
ctl_call(struct ctl *ctl, enum stmt s, json_t *doc)
{
	PGresult	*res;
	json_t		*answer;
	json_error_t	 jerr;
	const char	*msg;
	char		*text;

	answer = NULL;
	res = NULL;
	text = doc != NULL ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	if (text == NULL) {
		ctl_warn("out of memory");
		goto out;
	}

	res = PQexecParams(ctl->db, stmt_sql(s), 1, NULL,
	    (const char *const []){ text }, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		if (msg != NULL)
			ctl_warn("%s", msg);
		else
			fprintf(stderr, "handoffctl: %s",
			    PQerrorMessage(ctl->db));
		goto out;
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0) ||
	    (answer = json_loads(PQgetvalue(res, 0, 0), 0, &jerr)) == NULL)
		ctl_warn("api.%s answered no JSON document", stmt_name(s));
out:
	PQclear(res);
	free(text);
	return (answer);
}

/* A string member of o, or "" (for printing and comparing). */
static const char *
str(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return (s != NULL ? s : "");
}

/*
 * The account with this email, as api.user_list() shows it; the caller
 * releases it.  NULL after saying why.  Emails differ in more than case
 * (users_email_key), so at most one matches.
 */
static json_t *
ctl_find_user(struct ctl *ctl, const char *email)
{
	json_t		*list, *u, *found;
	size_t		 i;

	found = NULL;
	list = ctl_call(ctl, STMT_CTL_USER_LIST,
	    ctl_doc(ctl, 0, 0, NULL, NULL));
	if (list == NULL)
		return (NULL);
	json_array_foreach(json_object_get(list, "users"), i, u) {
		if (strcasecmp(str(u, "email"), email) == 0)
			found = json_incref(u);
	}
	json_decref(list);
	if (found == NULL)
		ctl_warn("no user with the email %s", email);
	return (found);
}

/* Passwords --------------------------------------------------------------- */

static struct termios		tty_saved;
static volatile sig_atomic_t	tty_quiet;

/* Interrupted while the terminal does not echo: echo again, then die. */
static void
tty_restore(int sig)
{
	if (tty_quiet)
		(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty_saved);
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);
}

/*
 * One line of f into buf, without its end; -1 after saying why when there
 * is none or it is longer than buf holds (then no password fits either).
 */
static int
read_line(FILE *f, const char *from, char *buf, size_t size)
{
	if (fgets(buf, (int)size, f) == NULL) {
		ctl_warn("no password on %s", from);
		return (-1);
	}
	if (strchr(buf, '\n') == NULL && !feof(f)) {
		ctl_warn("the password on %s is too long", from);
		return (-1);
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return (0);
}

/* One line typed at the terminal of standard input, without echo. */
static int
read_tty(const char *prompt, char *buf, size_t size)
{
	struct termios	quiet;
	int		ret;

	if (tcgetattr(STDIN_FILENO, &tty_saved) == -1) {
		ctl_warn("standard input: %s", strerror(errno));
		return (-1);
	}
	quiet = tty_saved;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ECHONL;
	(void)signal(SIGHUP, tty_restore);
	(void)signal(SIGINT, tty_restore);
	(void)signal(SIGQUIT, tty_restore);
	(void)signal(SIGTERM, tty_restore);
	tty_quiet = 1;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == -1) {
		tty_quiet = 0;
		ctl_warn("standard input: %s", strerror(errno));
		return (-1);
	}
	/* Asked only once nothing typed can show. */
	fprintf(stderr, "%s", prompt);
	ret = read_line(stdin, "the terminal", buf, size);
	(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty_saved);
	tty_quiet = 0;
	return (ret);
}

/*
 * The new password, held to the web's rule (secret_password_ok) and
 * hashed into hash as the server does (secret_hash_password()): 0, or -1
 * after saying why.  The password itself is wiped before returning.
 */
static int
ctl_password(struct ctl *ctl, char hash[SECRET_PWHASH_LEN])
{
	const char	*file = ctl->opt[OPT_PASSWORD_FILE];
	FILE		*f;
	char		 pw[SECRET_PASSWORD_SIZE + 2];	/* and CR LF */
	char		 again[sizeof(pw)];
	int		 ret;

	ret = -1;
	if (file != NULL) {
		if ((f = fopen(file, "r")) == NULL) {
			ctl_warn("%s: %s", file, strerror(errno));
			goto out;
		}
		if (read_line(f, file, pw, sizeof(pw)) == -1) {
			(void)fclose(f);
			goto out;
		}
		(void)fclose(f);
	} else if (isatty(STDIN_FILENO)) {
		if (read_tty("Password: ", pw, sizeof(pw)) == -1 ||
		    read_tty("Again: ", again, sizeof(again)) == -1)
			goto out;
		if (strcmp(pw, again) != 0) {
			ctl_warn("the two passwords differ");
			goto out;
		}
	} else if (read_line(stdin, "standard input", pw, sizeof(pw)) == -1) {
		goto out;
	}

	if (!secret_password_ok(pw)) {
		ctl_warn("a password has %d to %d characters (UTF-8)",
		    SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX);
		goto out;
	}
	if (secret_hash_password(pw, hash) == -1) {
		ctl_warn("out of memory hashing the password");
		goto out;
	}
	ret = 0;
out:
	sodium_memzero(pw, sizeof(pw));
	sodium_memzero(again, sizeof(again));
	return (ret);
}

/* The commands ------------------------------------------------------------ */

/* An answer on standard output, as the api.* function gave it. */
static int
print_answer(json_t *answer)
{
	char	*text;

	if (answer == NULL)
		return (1);
	text = json_dumps(answer, JSON_COMPACT);
	json_decref(answer);
	if (text == NULL) {
		ctl_warn("out of memory");
		return (1);
	}
	printf("%s\n", text);
	free(text);
	return (0);
}

/* POST /api/v1/users */
static int
cmd_user_add(struct ctl *ctl)
{
	json_t	*body;
	char	 hash[SECRET_PWHASH_LEN];
	int	 ret;

	if (ctl_password(ctl, hash) == -1)
		return (1);
	body = json_pack("{s:s, s:s, s:s, s:s}", "email", ctl->opt[OPT_EMAIL],
	    "name", ctl->opt[OPT_NAME], "role", ctl->opt[OPT_ROLE],
	    "password_hash", hash);
	if (body == NULL) {
		ctl_warn("out of memory");
		return (1);
	}
	ret = print_answer(ctl_call(ctl, STMT_CTL_USER_CREATE,
	    ctl_doc(ctl, 0, 0, NULL, body)));
	json_decref(body);
	return (ret);
}

/* PATCH /api/v1/users/{id}: body for the account user (both released). */
static int
user_patch(struct ctl *ctl, json_t *user, json_t *body)
{
	json_t	*path;
	int	 ret;

	ret = 1;
	if (body == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	if ((path = json_pack("{s:O}", "user", json_object_get(user,
	    "id"))) == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	ret = print_answer(ctl_call(ctl, STMT_CTL_USER_PATCH,
	    ctl_doc(ctl, 0, 0, path, body)));
	json_decref(path);
out:
	json_decref(user);
	json_decref(body);
	return (ret);
}

static int
cmd_user_password(struct ctl *ctl)
{
	json_t	*user;
	char	 hash[SECRET_PWHASH_LEN];

	/* "No such user" before a password is typed for nothing. */
	if ((user = ctl_find_user(ctl, ctl->opt[OPT_EMAIL])) == NULL)
		return (1);
	if (ctl_password(ctl, hash) == -1) {
		json_decref(user);
		return (1);
	}
	return (user_patch(ctl, user, json_pack("{s:s, s:b}", "password_hash",
	    hash, "keep_tokens", ctl->opt[OPT_KEEP_TOKENS] != NULL)));
}

static int
cmd_user_role(struct ctl *ctl)
{
	json_t	*user;

	if ((user = ctl_find_user(ctl, ctl->opt[OPT_EMAIL])) == NULL)
		return (1);
	return (user_patch(ctl, user, json_pack("{s:s}", "role",
	    ctl->opt[OPT_ROLE])));
}

static int
cmd_user_unlock(struct ctl *ctl)
{
	json_t	*user;

	if ((user = ctl_find_user(ctl, ctl->opt[OPT_EMAIL])) == NULL)
		return (1);
	return (user_patch(ctl, user, json_pack("{s:b}", "unlock", 1)));
}

/*
 * POST /api/v1/tokens as the account of --email: the token is made and
 * added to the document as accounts_token_before() does.
 */
static int
cmd_token_add(struct ctl *ctl)
{
	struct secret_token	 t;
	json_t			*user, *body, *doc, *answer;
	int			 ret;

	ret = 1;
	body = NULL;
	secret_new_token(&t);
	if ((user = ctl_find_user(ctl, ctl->opt[OPT_EMAIL])) == NULL)
		goto out;
	if ((body = json_pack("{s:s, s:s?}", "name", ctl->opt[OPT_NAME],
	    "scope", ctl->opt[OPT_SCOPE])) == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	/*
	 * A scoped token is an admin's to make (api.token_create): whoever
	 * runs this tool with the database's credentials is one.
	 */
	doc = ctl_doc(ctl, json_integer_value(json_object_get(user, "id")),
	    strcmp(str(user, "role"), "admin") == 0 ||
	    ctl->opt[OPT_SCOPE] != NULL, NULL, body);
	if (doc != NULL && (json_object_set_new(doc, "token_hash",
	    json_string(t.hash)) == -1 || json_object_set_new(doc, "prefix",
	    json_string(t.prefix)) == -1)) {
		json_decref(doc);
		doc = NULL;
	}
	if ((answer = ctl_call(ctl, STMT_CTL_TOKEN_CREATE,
	    doc)) == NULL)
		goto out;
	json_decref(answer);
	/* The only time the token is ever shown. */
	printf("%s\n", t.token);
	ret = 0;
out:
	sodium_memzero(&t, sizeof(t));
	json_decref(user);
	json_decref(body);
	return (ret);
}

/* GET /api/v1/users, one line each. */
static int
cmd_users(struct ctl *ctl)
{
	json_t	*list, *u;
	size_t	 i;

	list = ctl_call(ctl, STMT_CTL_USER_LIST,
	    ctl_doc(ctl, 0, 0, NULL, NULL));
	if (list == NULL)
		return (1);
	json_array_foreach(json_object_get(list, "users"), i, u) {
		printf("%-32s %-7s %-9s %s\n", str(u, "email"),
		    str(u, "role"), !json_is_true(json_object_get(u,
		    "active")) ? "inactive" : json_is_string(
		    json_object_get(u, "locked_until")) ? "locked" : "active",
		    str(u, "name"));
	}
	json_decref(list);
	return (0);
}

int
main(int argc, char *argv[])
{
	struct ctl			 ctl;
	const struct ctl_command	*c;
	const char			*dsn;
	int				 ret;

	memset(&ctl, 0, sizeof(ctl));
	c = parse_command_line(&ctl, argc, argv);

	if (secret_init() == -1) {
		ctl_warn("libsodium could not start");
		return (1);
	}
	if ((dsn = getenv("DATABASE_URL")) == NULL || *dsn == '\0') {
		ctl_warn("DATABASE_URL is not set");
		return (1);
	}
	ctl.today = ctl_today();
	ctl.db = PQconnectdb(dsn);
	if (PQstatus(ctl.db) != CONNECTION_OK) {
		fprintf(stderr, "handoffctl: %s", PQerrorMessage(ctl.db));
		PQfinish(ctl.db);
		return (1);
	}

	ret = c->run(&ctl);
	if (fflush(stdout) == EOF) {
		ctl_warn("standard output: %s", strerror(errno));
		ret = 1;
	}
	PQfinish(ctl.db);
	return (ret);
}
