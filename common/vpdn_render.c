/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <inttypes.h>
#include <string.h>

#include "json_out.h"
#include "vpdn_view.h"

void vpdn_format_uptime(long seconds, char *buf, size_t len)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 86400)
		snprintf(buf, len, "%ldd%02ldh", seconds / 86400, seconds % 86400 / 3600);
	else
		snprintf(buf, len, "%02ld:%02ld:%02ld", seconds / 3600, seconds % 3600 / 60,
			 seconds % 60);
}

static void protection(const struct vpdn_tunnel_view *t, char *buf, size_t len)
{
	if (t->protected_)
		snprintf(buf, len, "IPsec %s, SA %" PRIu32, t->profile, t->sa_id);
	else if (t->profile[0])
		snprintf(buf, len, "waiting for IPsec %s", t->profile);
	else
		snprintf(buf, len, "none");
}

static void tunnel_table(FILE *out, const struct vpdn_state *st)
{
	char up[16], prot[100];

	fprintf(out, "\n%-10s %-10s %-16s %-8s %-21s %-5s %-16s %-8s %s\n", "LocTunID", "RemTunID",
		"Remote Name", "State", "Remote Address", "Sessn", "VPDN Group", "Uptime",
		"Protected by");
	for (unsigned i = 0; i < st->ntunnels; i++) {
		const struct vpdn_tunnel_view *t = &st->tunnels[i];

		vpdn_format_uptime(t->uptime, up, sizeof(up));
		protection(t, prot, sizeof(prot));
		fprintf(out, "%-10u %-10u %-16s %-8s %-21s %-5u %-16s %-8s %s\n", t->local_id,
			t->remote_id, t->remote_name[0] ? t->remote_name : "-", t->state,
			t->remote_addr, t->sessions, t->group, up, prot);
	}
}

static void tunnel_detail(FILE *out, const struct vpdn_tunnel_view *t)
{
	char up[16], prot[100];

	vpdn_format_uptime(t->uptime, up, sizeof(up));
	protection(t, prot, sizeof(prot));
	fprintf(out, "\nL2TP Tunnel Information\n"
		"Tunnel id %u is %s, remote id is %u, %u active sessions, %s group %s\n"
		"  Remote tunnel name is %s\n"
		"  Internet Address %s, port %s\n"
		"  Local Address %s\n"
		"  Protected by: %s\n"
		"  Uptime %s; control channel Ns %u, Nr %u\n",
		t->local_id, !strcmp(t->state, "est") ? "up" : t->state, t->remote_id, t->sessions,
		t->role, t->group, t->remote_name[0] ? t->remote_name : "-", t->remote_addr,
		strrchr(t->remote_addr, ':') ? strrchr(t->remote_addr, ':') + 1 : "-",
		t->local_addr[0] ? t->local_addr : "-", prot, up, t->ns, t->nr);
}

static void session_table(FILE *out, const struct vpdn_state *st)
{
	char up[16];

	fprintf(out, "\n%-10s %-10s %-10s %-10s %-8s %-9s %s\n", "LocID", "RemID", "TunID",
		"Intf", "State", "Last Chg", "pppd");
	for (unsigned i = 0; i < st->nsessions; i++) {
		const struct vpdn_session_view *s = &st->sessions[i];

		vpdn_format_uptime(s->uptime, up, sizeof(up));
		fprintf(out, "%-10u %-10u %-10u %-10s %-8s %-9s ", s->local_id, s->remote_id,
			s->tunnel_id, s->intf[0] ? s->intf : "-", s->state, up);
		if (s->pppd_pid)
			fprintf(out, "%d\n", s->pppd_pid);
		else
			fprintf(out, "-\n");
	}
}

static void session_detail(FILE *out, const struct vpdn_session_view *s)
{
	char up[16];

	vpdn_format_uptime(s->uptime, up, sizeof(up));
	fprintf(out, "\nL2TP Session Information Tunnel %u, Session %u\n"
		"  Session id %u is %s, remote id %u\n"
		"  Interface %s, pppd PID %d, uptime %s\n"
		"  %" PRIu64 " packets input, %" PRIu64 " bytes\n"
		"  %" PRIu64 " packets output, %" PRIu64 " bytes\n"
		"  (counters of %s)\n",
		s->tunnel_id, s->local_id, s->local_id, !strcmp(s->state, "est") ? "up" : s->state,
		s->remote_id, s->intf[0] ? s->intf : "-", s->pppd_pid, up, s->in_packets,
		s->in_bytes, s->out_packets, s->out_bytes,
		!strcmp(s->counters, "kernel") ? "the kernel's PPP interface" : "xl2tpd");
}

static void json_tunnel(FILE *out, const struct vpdn_tunnel_view *t)
{
	fprintf(out, "{\"local_id\": %u, \"remote_id\": %u, \"remote_name\": ", t->local_id,
		t->remote_id);
	json_string(out, t->remote_name);
	fprintf(out, ", \"state\": \"%s\", \"remote_address\": ", t->state);
	json_string(out, t->remote_addr);
	fprintf(out, ", \"local_address\": ");
	json_string(out, t->local_addr);
	fprintf(out, ", \"role\": \"%s\", \"group\": ", t->role);
	json_string(out, t->group);
	fprintf(out, ", \"sessions\": %u, \"protected\": %s, \"profile\": ", t->sessions,
		t->protected_ ? "true" : "false");
	json_string(out, t->profile);
	fprintf(out, ", \"sa_id\": %" PRIu32 ", \"uptime\": %ld, \"ns\": %u, \"nr\": %u}",
		t->sa_id, t->uptime, t->ns, t->nr);
}

static void json_session(FILE *out, const struct vpdn_session_view *s)
{
	fprintf(out, "{\"local_id\": %u, \"remote_id\": %u, \"tunnel_id\": %u, \"state\": \"%s\", "
		"\"interface\": ", s->local_id, s->remote_id, s->tunnel_id, s->state);
	json_string(out, s->intf);
	fprintf(out, ", \"pppd_pid\": %d, \"uptime\": %ld, \"in_packets\": %" PRIu64
		", \"out_packets\": %" PRIu64 ", \"in_bytes\": %" PRIu64 ", \"out_bytes\": %" PRIu64
		", \"counters\": \"%s\"}", s->pppd_pid, s->uptime, s->in_packets, s->out_packets,
		s->in_bytes, s->out_bytes, s->counters);
}

static void json_limit(FILE *out, const struct vpdn_limit_view *l)
{
	fputc('{', out);
	if (l->role && l->role[0]) {
		fprintf(out, "\"group\": ");
		json_string(out, l->group);
		fprintf(out, ", \"role\": \"%s\", ", l->role);
	}
	fprintf(out, "\"limit\": %d, \"sessions\": %u, \"refused\": %" PRIu64 "}", l->limit,
		l->sessions, l->refused);
}

static void json_lns(FILE *out, const struct vpdn_lns_view *l)
{
	fprintf(out, "{\"group\": ");
	json_string(out, l->group);
	fprintf(out, ", \"lns\": ");
	json_string(out, l->lns);
	fprintf(out, ", \"priority\": %d, \"up\": %s, \"down_for\": %ld, \"reason\": ",
		l->priority, l->up ? "true" : "false", l->down_for);
	json_string(out, l->reason);
	fprintf(out, ", \"failures\": %" PRIu64 ", \"tunnels\": %u, \"sessions\": %u}",
		l->failures, l->tunnels, l->sessions);
}

static void render_json(FILE *out, const struct vpdn_state *st, enum vpdn_part part)
{
	fputc('{', out);
	if (part != VPDN_SESSIONS) {
		fprintf(out, "\"tunnels\": [");
		for (unsigned i = 0; i < st->ntunnels; i++) {
			fprintf(out, "%s", i ? ", " : "");
			json_tunnel(out, &st->tunnels[i]);
		}
		fprintf(out, "], ");
	}
	if (part != VPDN_TUNNELS) {
		fprintf(out, "\"sessions\": [");
		for (unsigned i = 0; i < st->nsessions; i++) {
			fprintf(out, "%s", i ? ", " : "");
			json_session(out, &st->sessions[i]);
		}
		fprintf(out, "], ");
	}
	fprintf(out, "\"drops\": %" PRIu64 ", \"enforcing\": %s, \"limits\": {\"global\": ",
		st->drops, st->enforcing ? "true" : "false");
	json_limit(out, &st->global);
	fprintf(out, ", \"groups\": [");
	for (unsigned i = 0; i < st->nlimits; i++) {
		fprintf(out, "%s", i ? ", " : "");
		json_limit(out, &st->limits[i]);
	}
	fprintf(out, "]}, \"lnses\": [");
	for (unsigned i = 0; i < st->nlnses; i++) {
		fprintf(out, "%s", i ? ", " : "");
		json_lns(out, &st->lnses[i]);
	}
	fprintf(out, "]}\n");
}

/* "none" or the number, then what it counts and refused */
static void limit_line(FILE *out, const char *what, const struct vpdn_limit_view *l)
{
	char n[16] = "none";

	if (l->limit > 0)
		snprintf(n, sizeof(n), "%d", l->limit);
	fprintf(out, "%s session limit %s: %u sessions, %" PRIu64 " refused\n", what, n,
		l->sessions, l->refused);
}

static void limits(FILE *out, const struct vpdn_state *st)
{
	char what[96];

	if (st->global.limit > 0 || st->global.refused)
		limit_line(out, "VPDN", &st->global);
	for (unsigned i = 0; i < st->nlimits; i++) {
		snprintf(what, sizeof(what), "vpdn-group %s (%s)", st->limits[i].group,
			 st->limits[i].role);
		limit_line(out, what, &st->limits[i]);
	}
}

/* a LAC's LNS: up, or down with the hold left and why; its tunnels and sessions; failures */
static void lnses(FILE *out, const struct vpdn_state *st)
{
	char left[32];

	for (unsigned i = 0; i < st->nlnses; i++) {
		const struct vpdn_lns_view *l = &st->lnses[i];

		fprintf(out, "vpdn-group %s LNS %s priority %d: ", l->group, l->lns, l->priority);
		if (l->up) {
			fprintf(out, "up");
		} else {
			vpdn_format_uptime(l->down_for, left, sizeof(left));
			fprintf(out, "down %s more (%s)", left, l->reason);
		}
		fprintf(out, ", %u tunnel%s, %u session%s, %" PRIu64 " failure%s", l->tunnels,
			l->tunnels == 1 ? "" : "s", l->sessions, l->sessions == 1 ? "" : "s",
			l->failures, l->failures == 1 ? "" : "s");
		if (l->up && l->failures)
			fprintf(out, " (last: %s)", l->reason);
		fputc('\n', out);
	}
}

void vpdn_render(FILE *out, const struct vpdn_state *st, enum vpdn_part part, int all,
		 int l2tp_heading, int json)
{
	if (json) {
		render_json(out, st, part);
		return;
	}
	if (!l2tp_heading)
		fprintf(out, "L2TP Tunnel and Session Information Total tunnels %u sessions %u\n",
			st->ntunnels, st->nsessions);
	else
		fprintf(out, "L2TP %s Information Total tunnels %u sessions %u\n",
			part == VPDN_SESSIONS ? "Session" : "Tunnel", st->ntunnels, st->nsessions);
	if (st->enforcing)
		fprintf(out, "IPsec required; L2TP packets dropped for lack of it: %" PRIu64 "\n",
			st->drops);
	if (!l2tp_heading) {
		limits(out, st);
		lnses(out, st);
	}
	if (part != VPDN_SESSIONS) {
		if (!all)
			tunnel_table(out, st);
		for (unsigned i = 0; all && i < st->ntunnels; i++)
			tunnel_detail(out, &st->tunnels[i]);
	}
	if (part != VPDN_TUNNELS) {
		if (!all)
			session_table(out, st);
		for (unsigned i = 0; all && i < st->nsessions; i++)
			session_detail(out, &st->sessions[i]);
	}
}
