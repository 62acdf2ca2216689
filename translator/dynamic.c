/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "dynamic.h"

#include <string.h>

/* the lowest-sequence entry of dynamic map name at or after sequence `after` (NULL: none) */
static struct ios_crypto_map *next_entry(struct ios_config *cfg, const char *name, int after)
{
	struct ios_crypto_map *best = NULL;

	for (size_t i = 0; i < cfg->maps.n; i++) {
		struct ios_crypto_map *e = &cfg->maps.v[i];

		if (e->is_dynamic_map && !strcmp(e->name, name) && e->seq > after &&
		    (!best || e->seq < best->seq))
			best = e;
	}
	return best;
}

static void add_tset(struct ios_crypto_map *m, const char *tset, int col)
{
	for (int i = 0; i < m->ntsets; i++)
		if (!strcmp(m->tsets[i], tset))
			return;
	if (m->ntsets < (int)(sizeof(m->tsets) / sizeof(m->tsets[0]))) {
		m->tset_cols[m->ntsets] = col;
		m->tsets[m->ntsets++] = tset;
	}
}

/* the crypto map entry m (… ipsec-isakmp dynamic D) becomes profile D: D's entries in sequence
 * order give the transform sets (defined ones; the checks name the others), the first that
 * sets them its lifetime and PFS. false (said why) when D has no entry or no transform set */
static bool make_profile(struct ios_config *cfg, struct ios_crypto_map *m, struct diag *d)
{
	struct ios_crypto_map *e = next_entry(cfg, m->dynamic, 0);

	if (!e) {
		diag_error(d, m->line, 1, "crypto map %s %d: dynamic map %s is never defined "
			   "(crypto dynamic-map %s SEQ)", m->name, m->seq, m->dynamic, m->dynamic);
		return false;
	}
	for (; e; e = next_entry(cfg, m->dynamic, e->seq)) {
		for (int t = 0; t < e->ntsets; t++)
			if (model_tset(cfg, e->tsets[t]))
				add_tset(m, e->tsets[t], e->tset_cols[t]);
		if (!m->tset_line && e->ntsets)
			m->tset_line = e->tset_line;
		if (!m->life_seconds && e->life_seconds) {
			m->life_seconds = e->life_seconds;
			m->life_s_line = e->life_s_line;
		}
		if (!m->life_kilobytes && e->life_kilobytes) {
			m->life_kilobytes = e->life_kilobytes;
			m->life_kb_line = e->life_kb_line;
		}
		if (!m->pfs_group && e->pfs_group) {
			m->pfs_group = e->pfs_group;
			m->pfs_line = e->pfs_line;
		}
		model_note(cfg, e->line, "dynamic map %s %d: part of crypto profile %s (crypto map "
			   "%s %d), cloned per L2TP tunnel", e->name, e->seq, m->dynamic, m->name,
			   m->seq);
	}
	if (!m->ntsets) {
		diag_error(d, m->line, 1, "crypto map %s %d: dynamic map %s has no usable 'set "
			   "transform-set'", m->name, m->seq, m->dynamic);
		return false;
	}
	m->profile = m->dynamic;
	m->from_dynamic = true;
	model_note(cfg, m->line, "crypto profile %s from dynamic map %s: any peer, answering "
		   "only; cloned per L2TP tunnel", m->profile, m->dynamic);
	return true;
}

void resolve_dynamic_maps(struct ios_config *cfg, struct diag *d)
{
	struct ios_crypto_map *first = NULL, *other = NULL;

	for (size_t i = 0; i < cfg->maps.n; i++) {
		struct ios_crypto_map *m = &cfg->maps.v[i];

		if (m->is_dynamic_map || !m->dynamic || !model_iface_with_map(cfg, m->name))
			continue;
		if (first && !strcmp(first->dynamic, m->dynamic)) {
			/* the same dynamic map behind a second map (another interface): one profile */
			diag_warning(d, m->line, 1, "crypto map %s %d: dynamic map %s is translated once, "
				     "as crypto profile %s (crypto map %s %d)", m->name, m->seq,
				     m->dynamic, first->dynamic, first->name, first->seq);
			model_note(cfg, m->line, "same profile as crypto map %s %d", first->name,
				   first->seq);
			continue;
		}
		if (!make_profile(cfg, m, d))
			continue;
		if (!first)
			first = m;
		else if (!other)
			other = m;
	}
	for (size_t i = 0; i < cfg->maps.n; i++) {
		struct ios_crypto_map *e = &cfg->maps.v[i];
		bool used = false;

		if (!e->is_dynamic_map)
			continue;
		for (size_t j = 0; j < cfg->maps.n; j++) {
			const struct ios_crypto_map *m = &cfg->maps.v[j];

			used |= !m->is_dynamic_map && m->dynamic && !strcmp(m->dynamic, e->name) &&
				model_iface_with_map(cfg, m->name);
		}
		if (!used)
			diag_warning(d, e->line, 1, "crypto dynamic-map %s %d is used by no crypto map "
				     "on an interface: not translated", e->name, e->seq);
	}
	for (size_t i = 0; i < cfg->groups.n; i++) {
		struct ios_vpdn_group *g = &cfg->groups.v[i];
		struct ios_crypto_map *m = g->crypto_profile ? model_profile(cfg, g->crypto_profile) :
					   NULL;

		if (m && m->from_dynamic && g->request_dialin)
			diag_error(d, g->profile_line, g->profile_col, "vpdn-group %s: crypto profile %s "
				   "comes from a dynamic crypto map, which only answers; a LAC needs "
				   "'crypto map NAME SEQ ipsec-isakmp profile P'", g->name, m->profile);
		if (!first || g->crypto_profile || !g->accept_dialin || g->terminate_from)
			continue;
		if (other) {
			diag_error(d, g->line, 1, "vpdn-group %s names no crypto profile, and dynamic "
				   "maps %s (crypto map %s %d) and %s (crypto map %s %d) could both "
				   "protect it: name one with 'l2tp security crypto-profile'", g->name,
				   first->profile, first->name, first->seq, other->profile, other->name,
				   other->seq);
			continue;
		}
		g->crypto_profile = first->profile;
		g->profile_line = g->line;
		g->profile_col = 1;
		g->dynamic_profile = true;
		model_wrote(cfg, g->line, "protected by dynamic map %s (crypto profile %s): IOS would "
			    "also answer its L2TP in plaintext, l2tpsec does not", first->dynamic,
			    first->profile);
	}
}
