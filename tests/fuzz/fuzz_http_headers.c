/*
 * Fuzz target: the header values the application reads itself, If-Match,
 * Content-Type, and Sec-Fetch-Site, Origin and Host (httpparse.c).
 *
 * Properties: httpparse_if_match() returns 0 or -1; on -1 the version is
 * HTTPPARSE_ANY, on 0 it is HTTPPARSE_ANY, HTTPPARSE_WEAK or a number in
 * [0, INT32_MAX], and the canonical tag for it ("*", W/"N", "N") parses to
 * the same.  httpparse_is_json_type() says 0 or 1, and 1 only for a value
 * that starts with application/json.  httpparse_same_site() says 0 or 1;
 * as Origin against a Host of its own tail it says 1 for a value with a
 * scheme, as Sec-Fetch-Site 1 only for "same-origin" and "none", and it
 * never reads beyond the strings (ASan).
 */
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "httpparse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s, tag[32];
	long long	 version, again;
	int		 ret;

	if ((s = fuzz_cstr(data, size)) == NULL)
		return (0);

	version = 12345;
	ret = httpparse_if_match(s, &version);
	FUZZ_CHECK(ret == 0 || ret == -1);
	if (ret == -1) {
		FUZZ_CHECK(version == HTTPPARSE_ANY);
	} else {
		FUZZ_CHECK(version == HTTPPARSE_ANY ||
		    version == HTTPPARSE_WEAK ||
		    (version >= 0 && version <= INT32_MAX));
		if (version == HTTPPARSE_ANY)
			(void)snprintf(tag, sizeof(tag), "*");
		else if (version == HTTPPARSE_WEAK)
			(void)snprintf(tag, sizeof(tag), "W/\"1\"");
		else
			(void)snprintf(tag, sizeof(tag), "\"%lld\"", version);
		FUZZ_CHECK(httpparse_if_match(tag, &again) == 0);
		FUZZ_CHECK(again == version);
	}

	ret = httpparse_is_json_type(s);
	FUZZ_CHECK(ret == 0 || ret == 1);
	if (ret == 1)
		FUZZ_CHECK(strncasecmp(s, "application/json", 16) == 0);

	ret = httpparse_same_site(s, NULL, NULL);
	FUZZ_CHECK(ret == (strcmp(s, "same-origin") == 0 ||
	    strcmp(s, "none") == 0));
	ret = httpparse_same_site(NULL, s, s);
	FUZZ_CHECK(ret == 0 || ret == 1);
	if (strstr(s, "://") != NULL && strstr(s, "://") != s &&
	    strstr(s, "://")[3] != '\0')
		FUZZ_CHECK(httpparse_same_site(NULL, s, strstr(s, "://") + 3)
		    == 1);
	FUZZ_CHECK(httpparse_same_site(NULL, NULL, s) == 1);

	free(s);
	return (0);
}
