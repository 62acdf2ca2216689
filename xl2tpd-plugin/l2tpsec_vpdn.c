/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd's umbrella header: tunnels, calls, gconfig, l2tp_log() */
#include "l2tpsec_admit.h"
#include "l2tpsec_config.h"
#include "l2tpsec_groups.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_limits.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"
#include "l2tpsec_vpdn.h"
#include "vpdn_view.h"

#define WORDS_MAX 8

void l2tpsec_vpdn_tunnel_created(struct tunnel *t)
{
	t->l2tpsec.since_ms = l2tpsec_now_ms();
}

void l2tpsec_vpdn_call_created(struct call *c)
{
	c->l2tpsec_since_ms = l2tpsec_now_ms();
}

static long uptime(uint64_t since_ms)
{
	return since_ms ? (long)((l2tpsec_now_ms() - since_ms) / 1000) : 0;
}

static const char *tunnel_state(const struct tunnel *t)
{
	if (t->self && (t->self->needclose || t->self->closing))
		return "shutdown";
	switch (t->state) {
	case SCCRQ:
		return "wt-sccrp";	/* our SCCRQ is out (LAC) */
	case SCCRP:
		return "wt-scccn";	/* our SCCRP is out (LNS) */
	case SCCCN:
		return "est";
	case StopCCN:
		return "shutdown";
	default:
		return "idle";
	}
}

static const char *call_state(const struct call *c)
{
	if (c->needclose || c->closing)
		return "shutdown";
	switch (c->state) {
	case ICRQ:
		return "wt-icrp";
	case ICRP:
		return "wt-iccn";
	case OCRQ:
		return "wt-ocrp";
	case OCRP:
		return "wt-occn";
	case ICCN:
	case OCCN:
		return "est";
	default:
		return "idle";
	}
}

/* where the peer reaches us: the packet's destination, the tunnel's own socket, the listener */
static void local_address(const struct tunnel *t, char *buf, size_t len)
{
	struct sockaddr_in sin = { 0 };
	socklen_t slen = sizeof(sin);
	struct in_addr a = t->my_addr.ipi_addr;
	char addr[INET_ADDRSTRLEN];
	int port = gconfig.port;

	if (!a.s_addr && t->udp_fd >= 0 &&
	    !getsockname(t->udp_fd, (struct sockaddr *)&sin, &slen) && sin.sin_family == AF_INET) {
		a = sin.sin_addr;
		port = ntohs(sin.sin_port);
	}
	if (!a.s_addr)
		a.s_addr = gconfig.listenaddr;
	buf[0] = '\0';
	if (a.s_addr && inet_ntop(AF_INET, &a, addr, sizeof(addr)))
		snprintf(buf, len, "%s:%d", addr, port);
}

static void fill_tunnel(struct vpdn_tunnel_view *v, const struct tunnel *t)
{
	struct l2tpsec_settings s = l2tpsec_tunnel_settings(t);
	char addr[INET_ADDRSTRLEN] = "";
	const char *group = t->lns ? t->lns->entname : t->lac ? t->lac->entname : "-";

	v->local_id = (unsigned)t->ourtid;
	v->remote_id = t->tid > 0 ? (unsigned)t->tid : 0;
	l2tpsec_printable(t->hostname[0] ? t->hostname : NULL, v->remote_name,
			  sizeof(v->remote_name));
	if (!t->hostname[0])
		v->remote_name[0] = '\0';
	inet_ntop(AF_INET, &t->peer.sin_addr, addr, sizeof(addr));
	snprintf(v->remote_addr, sizeof(v->remote_addr), "%s:%u", addr, ntohs(t->peer.sin_port));
	local_address(t, v->local_addr, sizeof(v->local_addr));
	v->state = tunnel_state(t);
	v->role = t->lac ? "lac" : "lns";
	snprintf(v->group, sizeof(v->group), "%s", group);
	v->sessions = (unsigned)(t->count > 0 ? t->count : 0);
	v->sa_id = l2tpsec_tunnel_sa_id(t);
	v->protected_ = v->sa_id != 0;
	snprintf(v->profile, sizeof(v->profile), "%s", s.profile ? s.profile : "");
	v->uptime = uptime(t->l2tpsec.since_ms);
	v->ns = t->control_seq_num;
	v->nr = t->control_rec_seq_num;
}

/* read one counter of a network interface; 0 when it cannot */
static uint64_t if_counter(const char *intf, const char *name)
{
	char path[128];
	unsigned long long v = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/%s", intf, name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%llu", &v) != 1)
		v = 0;
	fclose(f);
	return v;
}

/* pppd writes /run/pppN.pid (its PID) once its interface is up: PID -> interface, read once per
 * request (one scan of /run, not one per session: xl2tpd answers in its only thread) */
struct ppp_ifaces {
	struct {
		int pid;
		char name[16];
	} *e;
	size_t n;
};

static void ppp_ifaces_read(struct ppp_ifaces *m)
{
	DIR *d = opendir("/run");
	struct dirent *e;

	memset(m, 0, sizeof(*m));
	while (d && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char path[300];
		void *grown;
		int pid = 0;
		FILE *f;

		if (n < 8 || n - 4 >= sizeof(m->e->name) || strncmp(e->d_name, "ppp", 3) ||
		    strcmp(e->d_name + n - 4, ".pid") || !strchr("0123456789", e->d_name[3]))
			continue;
		snprintf(path, sizeof(path), "/run/%s", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fscanf(f, "%d", &pid) == 1 && pid > 0 &&
		    (grown = realloc(m->e, (m->n + 1) * sizeof(*m->e)))) {
			m->e = grown;
			m->e[m->n].pid = pid;
			memcpy(m->e[m->n].name, e->d_name, n - 4);
			m->e[m->n].name[n - 4] = '\0';
			m->n++;
		}
		fclose(f);
	}
	if (d)
		closedir(d);
}

static void pppd_interface(const struct ppp_ifaces *m, int pid, char *intf, size_t len)
{
	intf[0] = '\0';
	for (size_t i = 0; pid > 0 && i < m->n; i++)
		if (m->e[i].pid == pid) {
			snprintf(intf, len, "%s", m->e[i].name);
			return;
		}
}

static void fill_session(struct vpdn_session_view *v, const struct ppp_ifaces *ifaces,
			 const struct tunnel *t, const struct call *c)
{
	v->local_id = (unsigned)c->ourcid;
	v->remote_id = c->cid > 0 ? (unsigned)c->cid : 0;
	v->tunnel_id = (unsigned)t->ourtid;
	v->state = call_state(c);
	v->pppd_pid = c->pppd > 0 ? c->pppd : 0;
	v->uptime = uptime(c->l2tpsec_since_ms);
	pppd_interface(ifaces, v->pppd_pid, v->intf, sizeof(v->intf));
	if (v->intf[0]) {
		/* the interface sees every frame on both data paths; pppd's view, so "in" is rx */
		v->in_packets = if_counter(v->intf, "rx_packets");
		v->out_packets = if_counter(v->intf, "tx_packets");
		v->in_bytes = if_counter(v->intf, "rx_bytes");
		v->out_bytes = if_counter(v->intf, "tx_bytes");
		v->counters = "kernel";
	} else {
		v->in_packets = (uint64_t)c->rx_pkts;
		v->out_packets = (uint64_t)c->tx_pkts;
		v->in_bytes = (uint64_t)c->rx_bytes;
		v->out_bytes = (uint64_t)c->tx_bytes;
		v->counters = "xl2tpd";
	}
}

/* one section's limit, when it has one or refused a session */
static void add_limit(struct vpdn_state *st, const void *item, int context, const char *name)
{
	struct l2tpsec_settings s = l2tpsec_settings_for(item, context);
	uint64_t refused = l2tpsec_limit_refused(name);
	struct vpdn_limit_view *grown, *l;

	if (!s.session_limit && !refused)
		return;
	grown = realloc(st->limits, (st->nlimits + 1) * sizeof(*grown));
	if (!grown)
		return;
	st->limits = grown;
	l = &st->limits[st->nlimits++];
	snprintf(l->group, sizeof(l->group), "%s", name);
	l->role = context == CONTEXT_LNS ? "lns" : "lac";
	l->limit = s.session_limit;
	l->sessions = l2tpsec_sessions(item, NULL);
	l->refused = refused;
}

static void collect_limits(struct vpdn_state *st)
{
	st->global.group[0] = '\0';
	st->global.role = "";
	st->global.limit = l2tpsec_global_session_limit();
	st->global.sessions = l2tpsec_sessions(NULL, NULL);
	st->global.refused = l2tpsec_limit_refused(NULL);
	if (deflns)
		add_limit(st, deflns, CONTEXT_LNS, deflns->entname);
	for (struct lns *n = lnslist; n; n = n->next)
		add_limit(st, n, CONTEXT_LNS, n->entname);
	if (deflac)
		add_limit(st, deflac, CONTEXT_LAC, deflac->entname);
	for (struct lac *c = laclist; c; c = c->next)
		add_limit(st, c, CONTEXT_LAC, c->entname);
}

/* a snapshot of every tunnel and call; 0, or -1 out of memory */
static int collect(struct vpdn_state *st)
{
	struct ppp_ifaces ifaces;
	unsigned nt = 0, nc = 0;

	memset(st, 0, sizeof(*st));
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		nt++;
		for (struct call *c = t->call_head; c; c = c->next)
			nc++;
	}
	st->tunnels = calloc(nt ? nt : 1, sizeof(*st->tunnels));
	st->sessions = calloc(nc ? nc : 1, sizeof(*st->sessions));
	if (!st->tunnels || !st->sessions)
		return -1;
	ppp_ifaces_read(&ifaces);
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		fill_tunnel(&st->tunnels[st->ntunnels++], t);
		for (struct call *c = t->call_head; c; c = c->next)
			fill_session(&st->sessions[st->nsessions++], &ifaces, t, c);
	}
	free(ifaces.e);
	st->enforcing = l2tpsec_any_profile();
	st->drops = st->enforcing ? l2tpsec_guard_drops() : 0;
	collect_limits(st);
	l2tpsec_failover_collect(st);
	return 0;
}

static int show(char **w, int n, FILE *out, char *err, size_t errlen)
{
	enum vpdn_part part = VPDN_ALL;
	int l2tp = !strcmp(w[1], "l2tp"), all = 0, json = 0, i = 2;
	struct vpdn_state st;

	if (i < n && !strcmp(w[i], "tunnel"))
		part = VPDN_TUNNELS, i++;
	else if (i < n && !strcmp(w[i], "session"))
		part = VPDN_SESSIONS, i++;
	else if (l2tp) {
		snprintf(err, errlen, "show l2tp: tunnel or session?");
		return -1;
	}
	if (i < n && !strcmp(w[i], "all"))
		all = 1, i++;
	if (i < n && !strcmp(w[i], "json"))
		json = 1, i++;
	if (i < n) {
		snprintf(err, errlen, "show %s: unexpected '%s'", w[1], w[i]);
		return -1;
	}
	if (collect(&st)) {
		free(st.tunnels);
		free(st.sessions);
		free(st.limits);
		free(st.lnses);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	vpdn_render(out, &st, part, all, l2tp, json);
	free(st.tunnels);
	free(st.sessions);
	free(st.limits);
	free(st.lnses);
	return 0;
}

static void clear_one(struct tunnel *t, FILE *out)
{
	l2tp_log(LOG_NOTICE, "l2tpsec: tunnel %d (peer %s:%u) cleared by the operator\n", t->ourtid,
		 inet_ntoa(t->peer.sin_addr), ntohs(t->peer.sin_port));
	/* StopCCN result 1 (general request to clear); network_thread() sends it */
	t->self->result = RESULT_CLEAR;
	t->self->error = 0;
	snprintf(t->self->errormsg, sizeof(t->self->errormsg), "cleared by the operator");
	t->self->needclose = -1;
	if (t->lac)
		t->lac->active = 0;	/* no redial of what the operator cleared */
	fprintf(out, "tunnel %d cleared\n", t->ourtid);
}

static int clear(char **w, int n, FILE *out, char *err, size_t errlen)
{
	char *end;
	long id;
	int found = 0;

	if (n != 4 || strcmp(w[1], "vpdn") || strcmp(w[2], "tunnel")) {
		snprintf(err, errlen, "usage: clear vpdn tunnel all|ID");
		return -1;
	}
	id = strtol(w[3], &end, 10);
	if (strcmp(w[3], "all") && (*end || end == w[3] || id <= 0 || id > 65535)) {
		snprintf(err, errlen, "clear vpdn tunnel: '%s' is not a tunnel id (1-65535) or all",
			 w[3]);
		return -1;
	}
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		if (strcmp(w[3], "all") && t->ourtid != id)
			continue;
		found++;
		clear_one(t, out);
	}
	if (!found && strcmp(w[3], "all")) {
		snprintf(err, errlen, "no tunnel %ld", id);
		return -1;
	}
	return 0;
}

/* IOS debug categories as xl2tpd's switches */
static const struct {
	const char *name;
	int *flags[2];
} debugs[] = {
	{ "l2x-events", { &gconfig.debug_state, &gconfig.debug_tunnel } },
	{ "l2x-packets", { &gconfig.packet_dump, &gconfig.debug_avp } },
	{ "l2x-errors", { &gconfig.debug_network, NULL } },
};

static int show_debugging(FILE *out, int json)
{
	fprintf(out, json ? "{" : "VPDN (xl2tpd):\n");
	for (size_t i = 0; i < sizeof(debugs) / sizeof(debugs[0]); i++) {
		int on = *debugs[i].flags[0] != 0;

		if (json)
			fprintf(out, "%s\"%s\": %s", i ? ", " : "", debugs[i].name,
				on ? "true" : "false");
		else
			fprintf(out, "  L2X %s debugging is %s\n", debugs[i].name + 4,
				on ? "on" : "off");
	}
	if (json)
		fprintf(out, "}\n");
	return 0;
}

static int debug(char **w, int n, FILE *out, char *err, size_t errlen)
{
	int on;

	if (n != 4 || strcmp(w[1], "vpdn") || (strcmp(w[3], "on") && strcmp(w[3], "off"))) {
		snprintf(err, errlen, "usage: debug vpdn l2x-events|l2x-packets|l2x-errors on|off");
		return -1;
	}
	on = !strcmp(w[3], "on");
	for (size_t i = 0; i < sizeof(debugs) / sizeof(debugs[0]); i++) {
		if (strcmp(w[2], debugs[i].name))
			continue;
		for (int k = 0; k < 2 && debugs[i].flags[k]; k++)
			*debugs[i].flags[k] = on;
		l2tp_log(LOG_NOTICE, "l2tpsec: debug vpdn %s %s\n", w[2], on ? "on" : "off");
		fprintf(out, "L2X %s debugging is %s\n", w[2] + 4, on ? "on" : "off");
		return 0;
	}
	snprintf(err, errlen, "debug vpdn: no category '%s' (l2x-events, l2x-packets, l2x-errors)",
		 w[2]);
	return -1;
}

int l2tpsec_vpdn_request(char *request, FILE *out, char *err, size_t errlen)
{
	char *w[WORDS_MAX], *save = NULL;
	int n = 0;

	for (char *t = strtok_r(request, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		if (n == WORDS_MAX) {
			snprintf(err, errlen, "too many words");
			return -1;
		}
		w[n++] = t;
	}
	if (n >= 2 && !strcmp(w[0], "show") && (!strcmp(w[1], "vpdn") || !strcmp(w[1], "l2tp")))
		return show(w, n, out, err, errlen);
	if (n >= 2 && !strcmp(w[0], "show") && !strcmp(w[1], "debugging"))
		return show_debugging(out, n == 3 && !strcmp(w[2], "json"));
	if (n >= 1 && !strcmp(w[0], "clear"))
		return clear(w, n, out, err, errlen);
	if (n >= 1 && !strcmp(w[0], "debug"))
		return debug(w, n, out, err, errlen);
	snprintf(err, errlen, "xl2tpd does not know '%s'", n ? w[0] : "");
	return -1;
}
