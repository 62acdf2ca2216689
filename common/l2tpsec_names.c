/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "l2tpsec_names.h"

#include <string.h>
#include <strings.h>

static const char *const lcp_names[] = {
	[L2TPSEC_LCP_OFF] = "off",
	[L2TPSEC_LCP_ALWAYS] = "always",
	[L2TPSEC_LCP_ON_MISMATCH] = "on-mismatch",
};

const char *l2tpsec_lcp_name(enum l2tpsec_lcp lcp)
{
	return (unsigned)lcp < sizeof(lcp_names) / sizeof(lcp_names[0]) ? lcp_names[lcp] : "?";
}

int l2tpsec_lcp_parse(const char *name, enum l2tpsec_lcp *lcp)
{
	for (unsigned i = 0; i < sizeof(lcp_names) / sizeof(lcp_names[0]); i++) {
		if (!strcasecmp(name, lcp_names[i])) {
			*lcp = (enum l2tpsec_lcp)i;
			return 0;
		}
	}
	return -1;
}

int l2tpsec_yes_no(const char *value, int *out)
{
	if (!strcasecmp(value, "yes") || !strcasecmp(value, "true") || !strcmp(value, "1"))
		*out = 1;
	else if (!strcasecmp(value, "no") || !strcasecmp(value, "false") || !strcmp(value, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}
