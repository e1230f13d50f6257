/*
 * Fuzz target: trusted proxies, X-Forwarded-For and X-Request-Id
 * (proxy.c).  The input is three lines: the HANDOFF_TRUSTED_PROXIES
 * setting, a peer address and an X-Forwarded-For value; the whole input
 * is also tried as a request id.
 *
 * Properties: the list parses to 0 or -1 with at most PROXY_MAX entries;
 * from a peer that is an address, the client is always an address
 * (inet_pton reads it back), so nothing a client writes reaches the log
 * as anything else; with nothing trusted, X-Forwarded-For changes nothing.  A
 * request id is kept only when it is 1 to PROXY_ID_MAX bytes of the
 * allowed characters.
 */
#include <sys/socket.h>
#include <arpa/inet.h>

#include "fuzz.h"
#include "proxy.h"

static int
is_address(const char *s)
{
	unsigned char	b[16];

	return (inet_pton(AF_INET, s, b) == 1 ||
	    inet_pton(AF_INET6, s, b) == 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proxy_list	 l, none;
	char			*s, *peer, *xff, *nl, bad[64];
	char			 out[PROXY_ADDR_LEN], alone[PROXY_ADDR_LEN];
	size_t			 i, n;
	int			 ret;

	if ((s = fuzz_cstr(data, size)) == NULL)
		return (0);

	ret = proxy_request_id_ok(s);
	n = strlen(s);
	if (ret) {
		FUZZ_CHECK(n >= 1 && n <= PROXY_ID_MAX);
		for (i = 0; i < n; i++)
			FUZZ_CHECK(strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-",
			    s[i]) != NULL);
	}

	peer = xff = NULL;
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		peer = nl + 1;
		if ((nl = strchr(peer, '\n')) != NULL) {
			*nl = '\0';
			xff = nl + 1;
		}
	}
	ret = proxy_list_parse(s, &l, bad, sizeof(bad));
	FUZZ_CHECK(ret == 0 || ret == -1);
	FUZZ_CHECK(l.n <= PROXY_MAX);
	if (peer == NULL || !is_address(peer))
		peer = "127.0.0.1";

	proxy_client(&l, peer, xff, out);
	FUZZ_CHECK(is_address(out));
	(void)proxy_is_loopback(out);

	/* Nothing trusted: the header changes nothing. */
	FUZZ_CHECK(proxy_list_parse("", &none, bad, sizeof(bad)) == 0);
	proxy_client(&none, peer, xff, out);
	proxy_client(&none, peer, NULL, alone);
	FUZZ_CHECK(strcmp(out, alone) == 0);
	FUZZ_CHECK(is_address(out));

	free(s);
	return (0);
}
