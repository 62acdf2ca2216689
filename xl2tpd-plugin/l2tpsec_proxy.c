/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/stat.h>

#include "l2tp.h"	/* xl2tpd: struct tunnel/call/buffer, struct avp_hdr, l2tp_log, AMBIT */
#include "proxy_avp.h"
#include "l2tpsec_proxy.h"
#include "l2tpsec_tunnels.h"

/* the proxy data of calls that received some (few at a time: only between ICCN and pppd) */
struct held {
	struct call *c;
	struct proxy_info info;
	struct held *next;
};

static struct held *held;

static struct held *held_for(struct call *c, int create)
{
	struct held *h;

	for (h = held; h; h = h->next)
		if (h->c == c)
			return h;
	if (!create || !(h = calloc(1, sizeof(*h))))
		return NULL;
	h->c = c;
	h->next = held;
	held = h;
	return h;
}

static void proxy_path(const struct call *c, char *path, size_t len)
{
	snprintf(path, len, L2TPSEC_PROXY_DIR "/call-%d-%d", c->container ? c->container->ourtid : 0,
		 c->ourcid);
}

int l2tpsec_proxy_avp(struct tunnel *t, struct call *c, void *data, int datalen)
{
	struct avp_hdr *avp = data;
	const uint8_t *value = (const uint8_t *)data + sizeof(struct avp_hdr);
	struct held *h;
	const char *why;

	(void)t;
	if (datalen < (int)sizeof(struct avp_hdr))
		return -EINVAL;
	if (avp->vendorid != 0)
		return 0;	/* another vendor's attribute of the same number: not ours */
	h = held_for(c, 1);
	if (!h) {
		l2tp_log(LOG_ERR, "l2tpsec: out of memory: proxy AVP %d ignored\n", avp->attr);
		return -ENOMEM;
	}
	if (proxy_avp_parse(&h->info, avp->attr, value, (size_t)datalen - sizeof(*avp), &why)) {
		l2tp_log(LOG_WARNING, "l2tpsec: call %d: %s AVP (%d, %d octets) refused: %s\n",
			 c->ourcid, proxy_avp_name(avp->attr), avp->attr,
			 datalen - (int)sizeof(*avp), why);
		return -EINVAL;
	}
	return 0;
}

static void log_received(const struct call *c, const struct proxy_info *p)
{
	l2tp_log(LOG_INFO, "l2tpsec: call %d: proxy LCP from the LAC (CONFREQ initial received %d, "
		 "last sent %d, last received %d octets), proxy authentication %s%s%s\n",
		 c->ourcid, PROXY_HAS(p, PROXY_LCP_INITIAL_RECEIVED) ? p->lcp_len[0] : -1,
		 PROXY_HAS(p, PROXY_LCP_LAST_SENT) ? p->lcp_len[1] : -1,
		 PROXY_HAS(p, PROXY_LCP_LAST_RECEIVED) ? p->lcp_len[2] : -1,
		 PROXY_HAS(p, PROXY_AUTHEN_TYPE) ? proxy_authen_type_name(p->authen_type) : "none",
		 PROXY_HAS(p, PROXY_AUTHEN_NAME) ? ", name " : "",
		 PROXY_HAS(p, PROXY_AUTHEN_NAME) ? p->authen_name : "");
}

/*
 * The directory path, made if missing, opened without following a link anywhere below /run and
 * trusted only if it is ours, a directory, and closed to group and others (mask): the data may
 * be a PAP password. Returns a descriptor, or -1 with errno set (EPERM: not trustworthy).
 */
static int private_dir(const char *path, mode_t mode, mode_t mask)
{
	struct stat st;
	int fd;

	if (mkdir(path, mode) && errno != EEXIST)
		return -1;
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || st.st_uid != geteuid() || (st.st_mode & mask)) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

/* both levels checked: L2TPSEC_RUN_DIR (no write for others) and the proxy directory (0700) */
static int proxy_dir(void)
{
	int run = private_dir(L2TPSEC_RUN_DIR, 0750, 022), dir;

	if (run < 0)
		return -1;
	close(run);
	dir = private_dir(L2TPSEC_PROXY_DIR, 0700, 077);
	return dir;
}

void l2tpsec_proxy_to_pppd(struct call *c)
{
	static char text[8 * 2 * PROXY_LCP_MAX];
	struct held *h = held_for(c, 0);
	char path[128];
	int dir, fd = -1, n;

	if (!h || !h->info.present)
		return;
	log_received(c, &h->info);
	n = proxy_to_text(&h->info, text, sizeof(text));
	proxy_path(c, path, sizeof(path));
	dir = proxy_dir();
	if (dir >= 0)
		fd = openat(dir, strrchr(path, '/') + 1,
			    O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (n < 0 || fd < 0 || write(fd, text, (size_t)n) != n) {
		l2tp_log(LOG_ERR, "l2tpsec: call %d: cannot hand the proxy data to pppd in %s (%s): "
			 "pppd negotiates on its own\n", c->ourcid, L2TPSEC_PROXY_DIR,
			 fd < 0 ? strerror(errno) : "write");
		if (fd >= 0) {
			close(fd);
			unlinkat(dir, strrchr(path, '/') + 1, 0);
		}
		if (dir >= 0)
			close(dir);
		return;
	}
	close(fd);
	close(dir);
	setenv(L2TPSEC_PROXY_ENV, path, 1);
}

void l2tpsec_proxy_append(struct buffer *buf, struct call *c, const struct proxy_info *info)
{
	size_t room;
	int len;

	if (!c->container || !l2tpsec_tunnel_protected(c->container)) {
		/* the response may be a PAP password: never over a tunnel IPsec does not protect */
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] proxy data dropped, not sent: the tunnel is "
			 "not protected by IPsec\n", c->lac->entname);
		return;
	}
	room = buf->maxlen - (size_t)((char *)buf->start - (char *)buf->rstart) - buf->len;
	len = proxy_avps_encode(info, (uint8_t *)buf->start + buf->len, room);
	if (len < 0) {
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] proxy AVPs do not fit one ICCN: sent "
			 "without them\n", c->lac->entname);
		return;
	}
	buf->len += (size_t)len;
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] ICCN carries proxy LCP/authentication (%s%s)\n",
		 c->lac->entname, proxy_authen_type_name(info->authen_type),
		 PROXY_HAS(info, PROXY_AUTHEN_NAME) ? ", named" : "");
}

void l2tpsec_proxy_forget(struct call *c)
{
	char path[128];

	for (struct held **p = &held; *p; p = &(*p)->next) {
		struct held *h = *p;

		if (h->c != c)
			continue;
		*p = h->next;
		/* pppd's plugin removes the file once read; if it never ran, do it here */
		proxy_path(c, path, sizeof(path));
		unlink(path);
		memset(h, 0, sizeof(*h));	/* challenge/response do not linger */
		free(h);
		return;
	}
}
