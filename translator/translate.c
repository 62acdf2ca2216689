/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "translate.h"
#include "check.h"
#include "emit.h"
#include "lexer.h"
#include "parser.h"

#include <stdlib.h>
#include <sys/stat.h>

static int emit_all(struct ios_config *cfg, const struct lex *lx, const struct emit_opts *opt,
		    struct output *o)
{
	struct conn_view *views = NULL;
	size_t nviews = 0;
	struct aaa_view v;
	FILE *f, *g;

	if (conn_views(cfg, &views, &nviews))
		return -1;
	if ((f = output_open(o, "swanctl/swanctl.conf", 0600)))
		emit_swanctl(cfg, views, nviews, f, opt);
	if (opt->ipsec_conf && (f = output_open(o, "ipsec.conf", 0644)) &&
	    (g = output_open(o, "ipsec.secrets", 0600)))
		emit_ipsec_conf(cfg, views, nviews, f, g, opt);
	if ((f = output_open(o, "strongswan.d/charon/l2tp-security.conf", 0644)))
		emit_plugin(cfg, views, nviews, f, opt);
	if ((f = output_open(o, "xl2tpd/xl2tpd.conf", 0644)) &&
	    (g = output_open(o, "xl2tpd/l2tp-secrets", 0600)))
		emit_xl2tpd(cfg, f, g, opt);
	for (size_t i = 0; i < cfg->groups.n; i++) {
		char path[300];

		snprintf(path, sizeof(path), "ppp/options.%s", cfg->groups.v[i].name);
		if ((f = output_open(o, path, 0644)))
			emit_ppp_options(cfg, &cfg->groups.v[i], f, opt);
	}
	if (emit_wants_dialin(cfg) && (f = output_open(o, "ppp/l2tpsec-dialin", 0644)))
		emit_ppp_dialin(cfg, f, opt);
	if (aaa_tunnel_view(cfg, &v) && (f = output_open(o, "ppp/l2tpsec-dialin-aaa", 0600)))
		emit_dialin_aaa(cfg, &v, f, opt);
	for (size_t i = 0; i < cfg->groups.n; i++) {
		struct aaa_view v;
		char path[300];

		snprintf(path, sizeof(path), "ppp/radius/%s.conf", cfg->groups.v[i].name);
		if (aaa_view(cfg, &cfg->groups.v[i], &v) && (f = output_open(o, path, 0644)))
			emit_radius_conf(cfg, &cfg->groups.v[i], &v, f, opt);
	}
	if (emit_wants_radius(cfg)) {
		if ((f = output_open(o, "ppp/radius/servers", 0600)))
			emit_radius_servers(cfg, f, opt);
		if ((f = output_open(o, "ppp/radius/dictionary", 0644)))
			emit_radius_dictionary(f, opt);
		if ((f = output_open(o, "ppp/radius/port-id-map", 0644)))
			emit_radius_portmap(f, opt);
		if (cfg->pools.n && (f = output_open(o, "ppp/radius/pools", 0644)))
			emit_radius_pools(cfg, f, opt);
	}
	if ((f = output_open(o, "ppp/chap-secrets", 0600)))
		emit_chap_secrets(cfg, f, opt);
	if ((f = output_open(o, "README.translation", 0644)))
		emit_readme(cfg, views, nviews, lx, f, opt);
	if ((f = output_open(o, OUTPUT_MARKER, 0644)))
		fprintf(f, "Written by l2tpsec translate from %s. The next translate into this directory "
			"replaces it as a whole:\nfiles added here are lost.\n", opt->source);
	conn_views_free(views, nviews);
	return output_finish(o);
}

int translate_text(const char *name, const char *text, size_t len,
		   const struct translate_opts *opts, FILE *diag_out, struct translate_result *res)
{
	struct diag d = { .file = name, .out = diag_out, .strict = opts->strict };
	struct ios_config cfg = { .modernize = opts->modernize, .lenient = opts->lenient };
	struct emit_opts eo = { .source = name, .ipsec_conf = opts->ipsec_conf };
	struct output o = { 0 };
	struct lex lx;
	int rc = 0;

	if (lex_text(&lx, text, len, &d) || parse_config(&lx, &cfg, &d)) {
		rc = -1;
		goto out;
	}
	check_config(&cfg, &d);
	if (diag_failed(&d)) {
		rc = 1;
		goto out;
	}
	if (opts->outdir || opts->render_only) {
		char err[512];

		if (emit_all(&cfg, &lx, &eo, &o)) {
			rc = -1;
			goto out;
		}
		if (opts->outdir && output_commit(&o, opts->outdir, err, sizeof(err))) {
			diag_error(&d, 0, 0, "%s (nothing was written)", err);
			rc = 1;
		}
	}
out:
	diag_flush(&d);
	if (rc < 0 && diag_out)
		fprintf(diag_out, "%s: error: out of memory\n", name);
	if (res) {
		res->errors = d.errors;
		res->warnings = d.warnings;
	}
	output_free(&o);
	model_free(&cfg);
	lex_free(&lx);
	return rc;
}
