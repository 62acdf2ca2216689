/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * README.translation: every IOS line and what it became, or why nothing. Secrets never appear:
 * a line's text is cut where its secret starts.
 */
#include "emit.h"

#include <string.h>

/* after every other emitter: it says what they wrote (model_wrote) */
void emit_readme(struct ios_config *cfg, const struct conn_view *v, size_t n, const struct lex *lx,
		 FILE *f, const struct emit_opts *opt)
{
	fprintf(f, "l2tpsec translate: %s\n\n", opt->source);
	fprintf(f, "Files: swanctl/swanctl.conf (0600), strongswan.d/charon/l2tp-security.conf,\n"
		"xl2tpd/xl2tpd.conf, xl2tpd/l2tp-secrets (0600), ppp/options.<group>,\n"
		"ppp/chap-secrets (0600)%s%s.\n", emit_wants_radius(cfg) ? ",\nppp/radius/<group>.conf, "
		"ppp/radius/servers (0600), ppp/radius/dictionary, ppp/radius/port-id-map" : "",
		opt->ipsec_conf ? ", ipsec.conf, ipsec.secrets (0600)" : "");
	if (cfg->modernize) {
		fprintf(f, "--modernize: DES, 3DES and null encryption became AES-256, MD5 SHA-256, DH\n"
			"groups 1 and 5 group 14; DH group 2 (MODP1024) was kept for the built-in\n"
			"Windows and Android clients. The proposals that came out:\n");
		for (size_t i = 0; i < n; i++)
			fprintf(f, "  %s: IKE %s; ESP %s\n", v[i].map->profile, v[i].ike, v[i].esp);
	}
	fprintf(f, "\nLine by line:\n\n");
	for (size_t i = 0; i < lx->n; i++) {
		const struct lex_line *l = &lx->lines[i];
		int cut = (size_t)l->line < cfg->nlines ? cfg->redact_col[l->line] : 0;
		const char *what = (size_t)l->line < cfg->nlines ? cfg->notes[l->line] : NULL;

		if (cut > 0)
			fprintf(f, "%5d  %.*s<secret>\n", l->line, cut - 1, l->text);
		else
			fprintf(f, "%5d  %s\n", l->line, l->text);
		const char *wrote = (size_t)l->line < cfg->nlines ? cfg->wrote[l->line] : NULL;

		fprintf(f, "       -> %s\n", what ? what : "not translated (after 'end', or see this line's diagnostic)");
		/* what the emitters actually wrote from it, one "FILE: what" per line */
		for (const char *w = wrote; w && *w; w += strcspn(w, "\n") + (w[strcspn(w, "\n")] != 0))
			fprintf(f, "          wrote %.*s\n", (int)strcspn(w, "\n"), w);
	}
}
