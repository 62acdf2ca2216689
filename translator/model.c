/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE	/* vasprintf, asprintf */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct raw_vec { void *v; size_t n, cap; };

void *vec_grow(void *vec, size_t elem)
{
	struct raw_vec *rv = vec;
	char *p;

	if (rv->n == rv->cap) {
		size_t cap = rv->cap ? rv->cap * 2 : 8;

		p = realloc(rv->v, cap * elem);
		if (!p)
			return NULL;
		rv->v = p;
		rv->cap = cap;
	}
	p = (char *)rv->v + rv->n++ * elem;
	memset(p, 0, elem);
	return p;
}

void model_free(struct ios_config *cfg)
{
	for (size_t i = 0; i < cfg->users.n; i++)
		free(cfg->users.v[i].password);
	free(cfg->users.v);
	free(cfg->policies.v);
	free(cfg->keys.v);
	free(cfg->tsets.v);
	free(cfg->maps.v);
	free(cfg->map_locals.v);
	for (size_t i = 0; i < cfg->groups.n; i++) {
		free(cfg->groups.v[i].domains.v);
		free(cfg->groups.v[i].initiate.v);
	}
	free(cfg->groups.v);
	for (size_t i = 0; i < cfg->ifaces.n; i++)
		free(cfg->ifaces.v[i].name);
	free(cfg->ifaces.v);
	free(cfg->pools.v);
	for (size_t i = 0; i < cfg->radius.n; i++)
		free(cfg->radius.v[i].key);
	free(cfg->radius.v);
	for (size_t i = 0; i < cfg->aaa_groups.n; i++)
		free(cfg->aaa_groups.v[i].servers.v);
	free(cfg->aaa_groups.v);
	free(cfg->aaa_lists.v);
	free(cfg->radius_key);
	free(cfg->tunnel_authz_password);
	for (size_t i = 0; i < cfg->nlines; i++) {
		free(cfg->notes[i]);
		if (cfg->wrote)
			free(cfg->wrote[i]);
	}
	free(cfg->notes);
	free(cfg->wrote);
	free(cfg->redact_col);
	memset(cfg, 0, sizeof(*cfg));
}

struct ios_transform_set *model_tset(struct ios_config *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->tsets.n; i++)
		if (!strcmp(cfg->tsets.v[i].name, name))
			return &cfg->tsets.v[i];
	return NULL;
}

struct ios_crypto_map *model_profile(struct ios_config *cfg, const char *profile)
{
	for (size_t i = 0; i < cfg->maps.n; i++)
		if (cfg->maps.v[i].profile && !strcmp(cfg->maps.v[i].profile, profile))
			return &cfg->maps.v[i];
	return NULL;
}

struct ios_interface *model_iface_with_map(struct ios_config *cfg, const char *map)
{
	for (size_t i = 0; i < cfg->ifaces.n; i++)
		if (cfg->ifaces.v[i].crypto_map && !strcmp(cfg->ifaces.v[i].crypto_map, map))
			return &cfg->ifaces.v[i];
	return NULL;
}

struct ios_map_local *model_map_local(struct ios_config *cfg, const char *map)
{
	for (size_t i = 0; i < cfg->map_locals.n; i++)
		if (!strcmp(cfg->map_locals.v[i].map, map))
			return &cfg->map_locals.v[i];
	return NULL;
}

struct ios_pool *model_pool(struct ios_config *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->pools.n; i++)
		if (!strcmp(cfg->pools.v[i].name, name))
			return &cfg->pools.v[i];
	return NULL;
}

struct ios_interface *model_vtemplate(struct ios_config *cfg, int n)
{
	for (size_t i = 0; i < cfg->ifaces.n; i++)
		if (cfg->ifaces.v[i].vt_number == n)
			return &cfg->ifaces.v[i];
	return NULL;
}

struct ios_interface *model_iface(struct ios_config *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->ifaces.n; i++)
		if (!strcasecmp(cfg->ifaces.v[i].name, name))
			return &cfg->ifaces.v[i];
	return NULL;
}

void model_vnote(struct ios_config *cfg, int line, const char *fmt, va_list ap)
{
	char *s;

	if (line <= 0 || (size_t)line >= cfg->nlines || !cfg->notes)
		return;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	free(cfg->notes[line]);
	cfg->notes[line] = s;
}

void model_note(struct ios_config *cfg, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	model_vnote(cfg, line, fmt, ap);
	va_end(ap);
}

void model_wrote(struct ios_config *cfg, int line, const char *fmt, ...)
{
	char *what, *joined;
	va_list ap;
	int r;

	if (line <= 0 || (size_t)line >= cfg->nlines || !cfg->wrote)
		return;
	va_start(ap, fmt);
	r = vasprintf(&what, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	if (!cfg->wrote[line]) {
		cfg->wrote[line] = what;
		return;
	}
	/* the same thing from several emitters or objects is said once */
	for (const char *l = cfg->wrote[line]; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		size_t len = strcspn(l, "\n");

		if (len == strlen(what) && !strncmp(l, what, len)) {
			free(what);
			return;
		}
	}
	if (asprintf(&joined, "%s\n%s", cfg->wrote[line], what) >= 0) {
		free(cfg->wrote[line]);
		cfg->wrote[line] = joined;
	}
	free(what);
}
