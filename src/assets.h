/*
 * assets: the files of assets/, embedded at build time by
 * src/tools/embed-assets.sh (the generated table lives in the build
 * directory).
 */
#ifndef HANDOFF_ASSETS_H
#define HANDOFF_ASSETS_H

#include <stddef.h>

struct asset {
	const char		*name;	/* file name, no directory */
	const unsigned char	*data;
	size_t			 len;
	const char		*type;	/* Content-Type */
	const char		*etag;	/* quoted, from the content hash */
};

extern const struct asset	asset_table[];
extern const size_t		asset_count;

#endif
