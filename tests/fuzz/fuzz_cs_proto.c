/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * libFuzzer target for the crypto socket codec: any bytes through the strict decoder; whatever
 * it accepts must encode again and decode to the same message.
 */
#include <stdlib.h>
#include <string.h>

#include "../../common/cs_proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[CS_MAX_FRAME];
	static struct cs_msg m, again;
	const char *why;
	int n = cs_decode(data, size, &m, &why);

	if (n <= 0)
		return 0;
	n = cs_encode(&m, buf, sizeof(buf));
	if (n <= 0 || cs_decode(buf, (size_t)n, &again, &why) != n ||
	    again.present != m.present || memcmp(&again, &m, sizeof(m)))
		abort();	/* the decoder accepted something the codec cannot reproduce */
	return 0;
}
