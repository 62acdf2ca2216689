/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdlib.h>
#include <string.h>

#include "l2tpsec_sacache.h"

/* grows by doubling once the chains average more than one entry */
#define INITIAL_BUCKETS 64

struct l2tpsec_sacache {
	struct l2tpsec_sa **buckets;
	size_t nbuckets;	/* a power of two */
	size_t count;
};

static size_t addr_len(const struct cs_endpoint *ep)
{
	return ep->family == 6 ? 16 : 4;
}

/* FNV-1a over the family, address and port */
static uint32_t hash_endpoint(const struct cs_endpoint *ep)
{
	uint32_t h = 2166136261u;
	uint8_t bytes[19];
	size_t n = addr_len(ep);

	bytes[0] = ep->family;
	memcpy(bytes + 1, ep->addr, n);
	bytes[1 + n] = (uint8_t)(ep->port >> 8);
	bytes[2 + n] = (uint8_t)ep->port;
	for (size_t i = 0; i < n + 3; i++) {
		h ^= bytes[i];
		h *= 16777619u;
	}
	return h;
}

static int same_addr(const struct cs_endpoint *a, const struct cs_endpoint *b)
{
	return a->family == b->family && !memcmp(a->addr, b->addr, addr_len(a));
}

struct l2tpsec_sacache *l2tpsec_sacache_create(void)
{
	struct l2tpsec_sacache *cache = calloc(1, sizeof(*cache));

	if (!cache)
		return NULL;
	cache->buckets = calloc(INITIAL_BUCKETS, sizeof(*cache->buckets));
	if (!cache->buckets) {
		free(cache);
		return NULL;
	}
	cache->nbuckets = INITIAL_BUCKETS;
	return cache;
}

void l2tpsec_sacache_destroy(struct l2tpsec_sacache *cache)
{
	if (!cache)
		return;
	l2tpsec_sacache_clear(cache);
	free(cache->buckets);
	free(cache);
}

static void grow(struct l2tpsec_sacache *cache)
{
	size_t n = cache->nbuckets * 2;
	struct l2tpsec_sa **buckets = calloc(n, sizeof(*buckets));

	if (!buckets)
		return;		/* longer chains, still correct */
	for (size_t i = 0; i < cache->nbuckets; i++) {
		struct l2tpsec_sa *sa = cache->buckets[i], *next;

		for (; sa; sa = next) {
			size_t b = hash_endpoint(&sa->remote) & (n - 1);

			next = sa->next;
			sa->next = buckets[b];
			buckets[b] = sa;
		}
	}
	free(cache->buckets);
	cache->buckets = buckets;
	cache->nbuckets = n;
}

int l2tpsec_sacache_add(struct l2tpsec_sacache *cache, const struct l2tpsec_sa *facts)
{
	struct l2tpsec_sa *sa;
	size_t b;

	l2tpsec_sacache_remove(cache, facts->id, NULL);
	sa = malloc(sizeof(*sa));
	if (!sa)
		return -1;
	*sa = *facts;
	if (cache->count >= cache->nbuckets)
		grow(cache);
	b = hash_endpoint(&sa->remote) & (cache->nbuckets - 1);
	sa->next = cache->buckets[b];
	cache->buckets[b] = sa;
	cache->count++;
	return 0;
}

/* CLOSED and rekeys are rare next to packets: removal by id may walk the table */
int l2tpsec_sacache_remove(struct l2tpsec_sacache *cache, uint32_t id, struct l2tpsec_sa *gone)
{
	for (size_t i = 0; i < cache->nbuckets; i++) {
		for (struct l2tpsec_sa **p = &cache->buckets[i]; *p; p = &(*p)->next) {
			struct l2tpsec_sa *sa = *p;

			if (sa->id != id)
				continue;
			*p = sa->next;
			if (gone) {
				*gone = *sa;
				gone->next = NULL;
			}
			free(sa);
			cache->count--;
			return 1;
		}
	}
	return 0;
}

const struct l2tpsec_sa *l2tpsec_sacache_find(const struct l2tpsec_sacache *cache,
					      const struct cs_endpoint *remote,
					      const struct cs_endpoint *local)
{
	const struct l2tpsec_sa *sa = cache->buckets[hash_endpoint(remote) & (cache->nbuckets - 1)];

	for (; sa; sa = sa->next)
		if (sa->remote.port == remote->port && same_addr(&sa->remote, remote) &&
		    (!local || same_addr(&sa->local, local)))
			return sa;
	return NULL;
}

void l2tpsec_sacache_clear(struct l2tpsec_sacache *cache)
{
	for (size_t i = 0; i < cache->nbuckets; i++) {
		struct l2tpsec_sa *sa = cache->buckets[i], *next;

		for (; sa; sa = next) {
			next = sa->next;
			free(sa);
		}
		cache->buckets[i] = NULL;
	}
	cache->count = 0;
}

size_t l2tpsec_sacache_count(const struct l2tpsec_sacache *cache)
{
	return cache->count;
}
