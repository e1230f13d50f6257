/*
 * auth: who is asking, and may they?
 *
 * A request carries a session (the "handoff_session" cookie, set at
 * sign-in) or an API token ("Authorization: Bearer hf_...").  Neither is
 * stored: the database keeps their SHA-256, and api.authorize() turns one
 * into the user and role behind it, in the same statement as the request's
 * own, refusing what the route's access level does not allow (pipe.c):
 * one mechanism for pages and API alike.
 *
 * Secrets come from libsodium through secret.c: random ids and tokens,
 * SHA-256, and argon2id for passwords (crypto_pwhash_str), checked off
 * the event loop by pwcheck.c.
 */
#include "handoff.h"

#define SESSION_COOKIE	"handoff_session"

int
auth_init(void)
{
	if (secret_init() == -1) {
		kore_log(LOG_ERR, "auth: libsodium could not start");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* A user role's access level: its position in the vocabulary plus 1. */
static int
auth_access_of(const char *role)
{
	int	i;

	if ((i = vocab_index(user_role_keys, role)) == -1)
		return (ACCESS_PUBLIC);
	return (ACCESS_VIEWER + i);
}

const char *
auth_access_name(int access)
{
	if (access <= ACCESS_PUBLIC || access > ACCESS_ADMIN)
		return ("anyone");
	return (user_role_keys[access - ACCESS_VIEWER]);
}

/*
 * The session cookie: HttpOnly, SameSite=Lax, Secure over TLS.  Kore's own
 * cookie helper knows no SameSite, hence the header by hand; the value is
 * base64url, so nothing in it needs quoting.
 */
void
auth_session_cookie(struct http_request *req, const char *value, int maxage)
{
	char	hdr[256];

	(void)snprintf(hdr, sizeof(hdr), "%s=%s; Path=/; Max-Age=%d; "
	    "HttpOnly; SameSite=Lax%s", SESSION_COOKIE, value, maxage,
	    req_is_tls(req) ? "; Secure" : "");
	http_response_header(req, "set-cookie", hdr);
}

/*
 * The credentials a request presents, as hashes: a bearer token wins
 * over a cookie.  Returns 0 when there are none.
 */
int
auth_credentials(struct http_request *req,
    char session[SECRET_HASH_LEN], char token[SECRET_HASH_LEN])
{
	const char	*v;
	char		*cookie;

	session[0] = token[0] = '\0';
	if (http_request_header(req, "authorization", &v) &&
	    strncasecmp(v, "Bearer ", 7) == 0) {
		v += 7;
		while (*v == ' ')
			v++;
		if (*v != '\0')
			secret_sha256_hex(v, token);
		return (token[0] != '\0');
	}

	http_populate_cookies(req);
	if (http_request_cookie(req, SESSION_COOKIE, &cookie) &&
	    *cookie != '\0') {
		secret_sha256_hex(cookie, session);
		return (1);
	}
	return (0);
}

/*
 * A calendar feed's secret: ?key=, which a calendar application can send
 * where it cannot send a header (feeds.c); as its hash.  Read on the feed
 * routes only: elsewhere a key in the query is no credential.
 */
int
auth_feed_key(struct http_request *req, char token[SECRET_HASH_LEN])
{
	char	*key;

	token[0] = '\0';
	if (req->query_string == NULL ||
	    formdata_get(req->query_string, strlen(req->query_string), "key",
	    &key) != 1)
		return (0);
	if (*key != '\0')
		secret_sha256_hex(key, token);
	free(key);
	return (token[0] != '\0');
}

/* The answer of api.authenticate() into a principal; 0 when nobody. */
int
auth_principal_from(json_t *doc, struct principal *p)
{
	json_t		*user, *person;
	const char	*s;

	memset(p, 0, sizeof(*p));
	if ((user = json_object_get(doc, "user")) == NULL ||
	    !json_is_object(user))
		return (0);

	p->user_id = json_integer_value(json_object_get(user, "id"));
	(void)snprintf(p->email, sizeof(p->email), "%s",
	    json_string_value(json_object_get(user, "email")));
	(void)snprintf(p->name, sizeof(p->name), "%s",
	    json_string_value(json_object_get(user, "name")));
	s = json_string_value(json_object_get(user, "role"));
	(void)snprintf(p->role, sizeof(p->role), "%s", s != NULL ? s : "");
	p->access = auth_access_of(s);
	person = json_object_get(doc, "person");
	p->person_id = json_integer_value(json_object_get(person, "id"));
	s = json_string_value(json_object_get(person, "name"));
	(void)snprintf(p->person, sizeof(p->person), "%s", s != NULL ? s : "");
	s = json_string_value(json_object_get(doc, "via"));
	p->via_token = s != NULL && strcmp(s, "token") == 0;
	s = json_string_value(json_object_get(doc, "csrf"));
	(void)snprintf(p->csrf, sizeof(p->csrf), "%s", s != NULL ? s : "");
	return (p->user_id > 0 && p->access > ACCESS_PUBLIC);
}

/*
 * Refuse: 401 when nobody is signed in (pages send the browser to the
 * sign-in page and back), 403 when the role is not enough.
 */
void
auth_refuse(struct http_request *req, int status, int required)
{
	struct sbuf	b;
	char		msg[128];

	if (status == 401 && !reply_is_api(req) &&
	    (req->method == HTTP_METHOD_GET ||
	    req->method == HTTP_METHOD_HEAD)) {
		sbuf_init(&b);
		sbuf_str(&b, "/login?next=");
		auth_url_encode(&b, req->path);
		if (req->query_string != NULL) {
			sbuf_str(&b, "%3F");
			auth_url_encode(&b, req->query_string);
		}
		reply_redirect(req, sbuf_cstr(&b));
		sbuf_free(&b);
		log_event(req, NULL, "refused", "not signed in");
		return;
	}

	if (status == 401) {
		http_response_header(req, "www-authenticate",
		    "Bearer realm=\"handoff\"");
		reply_error(req, 401, "unauthenticated", "sign in, or send an "
		    "API token as Authorization: Bearer", NULL);
		log_event(req, NULL, "refused", "not signed in");
		return;
	}

	(void)snprintf(msg, sizeof(msg), "this needs the %s role or above",
	    auth_access_name(required));
	reply_error(req, 403, "forbidden", msg, NULL);
}

/* Percent-encode everything but unreserved characters and '/'. */
void
auth_url_encode(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.' || *s == '~' || *s == '/')
			sbuf_char(b, *s);
		else
			sbuf_printf(b, "%%%02X", (unsigned char)*s);
	}
}

/*
 * Where to go after sign-in: only a path on this site, in printable ASCII
 * (browsers drop tabs and line breaks, so "/\t/evil.example" would leave
 * the site; a backslash reads as a slash to some of them).
 */
int
auth_safe_next(const char *next)
{
	const unsigned char	*p;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    strlen(next) > 200)
		return (0);
	for (p = (const unsigned char *)next; *p != '\0'; p++) {
		if (*p <= 0x20 || *p >= 0x7f || *p == '\\')
			return (0);
	}
	return (1);
}
