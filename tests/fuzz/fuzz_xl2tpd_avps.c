/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * libFuzzer target for the LNS's control message parser as it runs in the patched xl2tpd:
 * xl2tpd's own handle_avps() (avp.c of the patched tree, with l2tpsec's proxy AVP handlers for
 * 26-33) over any bytes after a control header (the first input byte picks a fresh tunnel, an
 * established one, or a call of it waiting for its ICCN). Whatever proxy data
 * it accepts must survive the AVP encoding and the text hand-off to pppd unchanged. Links the
 * patched tree's avp.c and misc.c; the few other xl2tpd functions avp.c calls are stubbed here.
 * Built with L2TPSEC_RUN_DIR inside the fuzz output directory; run with -close_fd_mask=2 (xl2tpd
 * logs every refusal to stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l2tp.h"
#include "proxy_avp.h"
#include "l2tpsec_groups.h"
#include "l2tpsec_proxy.h"
#include "l2tpsec_tunnels.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* xl2tpd's globals and the calls avp.c makes outside avp.c and misc.c */
struct global gconfig;
struct tunnel_list tunnels;
int rand_source;

int decrypt_avp(char *buf, struct tunnel *t)
{
	(void)buf;
	(void)t;
	return -1;	/* hidden AVPs need the tunnel secret: refused, as without one */
}

/* the LAC side sends proxy AVPs only for protected tunnels: every tunnel here is */
int l2tpsec_tunnel_protected(const struct tunnel *t)
{
	(void)t;
	return 1;
}

/* an ICRQ's new call: one zeroed call per input, as new_call() would give */
static struct call icrq_call;

struct call *new_call(struct tunnel *parent)
{
	memset(&icrq_call, 0, sizeof(icrq_call));
	icrq_call.container = parent;
	icrq_call.ourcid = 2;
	return &icrq_call;
}

/* what l2tpsec_proxy.c collected for the call: read back through the pppd hand-off */
static void check_roundtrip(void)
{
	static struct proxy_info from_text, from_avps;
	static char text[8 * 2 * PROXY_LCP_MAX + 64];
	static uint8_t avps[8 * (PROXY_LCP_MAX + 6)];
	const char *why, *path = getenv("L2TPSEC_PROXY");
	FILE *f;
	size_t n;
	int len;

	if (!path)
		return;
	f = fopen(path, "r");
	if (!f)
		abort();
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	unlink(path);
	unsetenv("L2TPSEC_PROXY");
	text[n] = '\0';
	if (proxy_from_text(&from_text, text, &why))
		abort();	/* l2tpsec wrote what it cannot read back */
	len = proxy_avps_encode(&from_text, avps, sizeof(avps));
	if (len < 0)
		abort();
	memset(&from_avps, 0, sizeof(from_avps));
	for (int off = 0; off < len;) {
		int alen = (avps[off] & 0x03) << 8 | avps[off + 1];

		if (proxy_avp_parse(&from_avps, avps[off + 5], avps + off + 6, (size_t)alen - 6, &why))
			abort();
		off += alen;
	}
	if (memcmp(&from_avps, &from_text, sizeof(from_text)))
		abort();	/* the encoding lost or changed something */
}

/*
 * The receive hook reads an SCCRQ's Host Name before xl2tpd (l2tpsec_groups.c) to pick its
 * group: whenever xl2tpd accepted the message and both read one, it must be the name xl2tpd's
 * hostname_avp() kept.
 */
static void check_host_name(const struct tunnel *t, const struct call *c, const uint8_t *avps,
			    size_t size)
{
	char name[MAXSTRLEN];

	if (l2tpsec_sccrq_host_name(avps, size, name, sizeof(name)) == 1 && c->msgtype == SCCRQ &&
	    t->hostname[0] && strcmp(name, t->hostname))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tunnel t;
	static struct call c, call;
	struct call *to = &c;
	struct buffer *buf;
	unsigned mode;
	/* the first byte picks where the message lands: a fresh tunnel, an established one, or a
	 * call of an established tunnel waiting for its ICCN (where proxy AVPs belong) */
	if (!size || size - 1 > MAX_RECV_SIZE - sizeof(struct control_hdr))
		return 0;
	mode = data[0] % 3;
	data++;
	size--;
	/* as new_tunnel() leaves them: sanity checks on, no state yet */
	memset(&t, 0, sizeof(t));
	memset(&c, 0, sizeof(c));
	t.sanity = -1;
	t.tid = -1;
	t.self = &c;
	c.container = &t;
	c.ourcid = 1;
	if (mode) {
		t.state = SCCCN;
		c.state = SCCCN;
	}
	if (mode == 2) {
		memset(&call, 0, sizeof(call));
		call.container = &t;
		call.ourcid = 3;
		call.state = ICRP;
		t.call_head = &call;
		t.count = 1;
		to = &call;
	}
	buf = new_buf(MAX_RECV_SIZE);
	if (!buf)
		return 0;
	memset(buf->start, 0, sizeof(struct control_hdr));
	memcpy((char *)buf->start + sizeof(struct control_hdr), data, size);
	buf->len = sizeof(struct control_hdr) + size;
	if (handle_avps(buf, &t, to) == 0) {
		l2tpsec_proxy_to_pppd(to);
		check_roundtrip();
		check_host_name(&t, &c, data, size);
	}
	l2tpsec_proxy_forget(&c);
	l2tpsec_proxy_forget(&call);
	l2tpsec_proxy_forget(&icrq_call);
	free(t.chal_us.challenge);
	free(t.chal_them.challenge);
	toss(buf);
	return 0;
}
