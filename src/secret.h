/*
 * secret: the secrets of accounts, made and checked with libsodium.
 *
 * Random tokens and session ids, SHA-256 in hex (how tokens and session
 * ids are stored), argon2id password hashes, and the one rule for how long
 * a password may be.  The server (auth.c, accounts.c) and handoffctl both
 * use these, so that a password or token made by one works with the other.
 *
 * Pure: libsodium, but no Kore, no jansson and no libpq.
 */
#ifndef HANDOFF_SECRET_H
#define HANDOFF_SECRET_H

#include <stddef.h>

#define SECRET_HASH_LEN		65	/* SHA-256 in hex, and its NUL */
#define SECRET_PWHASH_LEN	128	/* crypto_pwhash_STRBYTES */
#define SECRET_TOKEN_LEN	64	/* "hf_" and 43 base64url characters */
#define SECRET_PREFIX_LEN	16	/* its first 10, shown in lists */
#define SECRET_TOKEN_PREFIX	"hf_"

/* Passwords are counted in characters (code points), not bytes. */
#define SECRET_PASSWORD_MIN	10
#define SECRET_PASSWORD_MAX	200
#define SECRET_PASSWORD_SIZE	(4 * SECRET_PASSWORD_MAX + 1)	/* bytes */

/* A new API token: shown to its owner once, stored as hash and prefix. */
struct secret_token {
	char	token[SECRET_TOKEN_LEN];
	char	hash[SECRET_HASH_LEN];
	char	prefix[SECRET_PREFIX_LEN];
};

int	secret_init(void);
void	secret_random(char *, size_t, const char *);
void	secret_sha256_hex(const char *, char [SECRET_HASH_LEN]);
void	secret_new_token(struct secret_token *);
int	secret_hash_password(const char *, char [SECRET_PWHASH_LEN]);
int	secret_password_ok(const char *);

#endif
