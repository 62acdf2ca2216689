/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The charon plugin's clone registry without charon: states, every index kept in step with
 * them, the filtered and pending enumerators, IKE sharing and rekeying, passive ids, listens.
 */
#include <library.h>

#include "check.h"
#include "l2tp_security_clones.h"
#include "l2tpsec_names.h"

static l2tp_security_profile_t *profile(const char *name)
{
	const char *error = NULL;
	l2tp_security_profile_t *p = l2tp_security_profile_create("test", name, &error);

	if (!p)
		fprintf(stderr, "profile %s: %s\n", name, error);
	return p;
}

static host_t *ep(const char *addr, uint16_t port)
{
	return host_create_from_string((char *)addr, port);
}

static l2tp_security_clone_t *clone_of(l2tp_security_profile_t *p, u_int client, uint32_t id,
				       const char *remote)
{
	return l2tp_security_clone_create(id, client, p->get_ref(p), ep("10.0.0.1", 1701),
					  ep(remote, 1701));
}

static u_int count(l2tp_security_clones_t *clones, u_int states, u_int client)
{
	l2tp_security_clones_filter_t filter = { .states = states, .client = client };
	enumerator_t *enumerator = clones->create_enumerator(clones, &filter);
	l2tp_security_clone_t *clone;
	u_int n = 0;

	while (enumerator->enumerate(enumerator, &clone))
		n++;
	enumerator->destroy(enumerator);
	return n;
}

static void test_states_and_indexes(l2tp_security_profile_t *p)
{
	l2tp_security_clones_t *clones = l2tp_security_clones_create();
	l2tp_security_clone_t *a = clone_of(p, 1, 7, "10.0.0.2");
	l2tp_security_clone_t *b = clone_of(p, 1, 8, "10.0.0.3");
	child_cfg_t *fake_cfg = (child_cfg_t *)&b;	/* only its address is used as a key */

	clones->lock(clones);
	CHECK(!a->keep_sa);
	CHECK(a->state == L2TP_SECURITY_CLONE_NEGOTIATING);
	clones->add(clones, a);
	clones->add(clones, b);
	CHECK(clones->get_count(clones) == 2);
	CHECK(clones->get_by_request(clones, 1, 7) == a);
	CHECK(clones->get_by_request(clones, 2, 7) == NULL);
	CHECK(clones->get_by_child(clones, 0) == NULL);
	CHECK(clones->get_by_child_cfg(clones, fake_cfg) == NULL);

	/* up: found by CHILD_SA id, shares its IKE_SA with nobody yet */
	clones->set_sa(clones, a, 100, 1000);
	clones->set_state(clones, a, L2TP_SECURITY_CLONE_SECURED);
	CHECK(clones->get_by_child(clones, 1000) == a);
	CHECK(!clones->ike_shared(clones, a));
	clones->set_sa(clones, b, 100, 1001);
	clones->set_state(clones, b, L2TP_SECURITY_CLONE_SECURED);
	CHECK(clones->ike_shared(clones, a));
	CHECK(count(clones, 1u << L2TP_SECURITY_CLONE_SECURED, 0) == 2);

	/* CHILD_SA rekeyed: the old id no longer finds it */
	clones->set_sa(clones, a, 100, 1002);
	CHECK(clones->get_by_child(clones, 1000) == NULL);
	CHECK(clones->get_by_child(clones, 1002) == a);

	/* IKE_SA rekeyed: both follow */
	clones->rekey_ike(clones, 100, 200);
	CHECK(a->ike_id == 200 && b->ike_id == 200);
	CHECK(clones->ike_shared(clones, b));

	/* released with an SA: CLOSING, no longer known by request, no longer sharing */
	CHECK(clones->release(clones, b));
	CHECK(b->state == L2TP_SECURITY_CLONE_CLOSING);
	CHECK(clones->get_by_request(clones, 1, 8) == NULL);
	CHECK(clones->get_by_child(clones, 1001) == b);
	CHECK(!clones->ike_shared(clones, a));
	CHECK(!clones->release(clones, b));	/* once */
	CHECK(count(clones, L2TP_SECURITY_CLONES_LIVE, 1) == 1);
	CHECK(count(clones, 0, 0) == 2);

	/* the client may reuse an id while the old clone is closing */
	l2tp_security_clone_t *c = clone_of(p, 1, 8, "10.0.0.4");
	clones->add(clones, c);
	CHECK(clones->get_by_request(clones, 1, 8) == c);

	/* released before its SA came up: ABANDONED, nothing to tear down */
	CHECK(!clones->release(clones, c));
	CHECK(c->state == L2TP_SECURITY_CLONE_ABANDONED);
	CHECK(clones->get_by_request(clones, 1, 8) == NULL);

	clones->remove(clones, b);
	CHECK(clones->get_by_child(clones, 1001) == NULL);
	CHECK(clones->get_count(clones) == 2);
	CHECK(count(clones, 0, 2) == 0);
	clones->unlock(clones);
	clones->destroy(clones);	/* frees a and c */
}

/* a peer config as the registry sees it: a key, and destroy() for each reference it holds */
static int peer_refs;

static void fake_peer_destroy(peer_cfg_t *this)
{
	(void)this;
	peer_refs--;
}

static void test_pending_and_passive(l2tp_security_profile_t *p)
{
	l2tp_security_clones_t *clones = l2tp_security_clones_create();
	peer_cfg_t fake = { .destroy = fake_peer_destroy }, *peer = &fake;
	l2tp_security_clone_t *a, *b, *c, *x;
	enumerator_t *enumerator;
	host_t *local, *remote;
	u_int n = 0;

	clones->lock(clones);
	a = clone_of(p, 3, 1, "10.0.0.2");
	b = clone_of(p, 3, 2, "10.0.0.2");
	a->peer_cfg = b->peer_cfg = peer;
	peer_refs = 2;
	clones->add(clones, a);
	clones->add(clones, b);
	enumerator = clones->create_pending_enumerator(clones, peer);
	while (enumerator->enumerate(enumerator, &x)) {
		n++;
		if (x == b)
			clones->remove(clones, x);	/* allowed while enumerating */
	}
	enumerator->destroy(enumerator);
	CHECK(n == 2);
	CHECK(peer_refs == 1);
	/* an open that came up is no longer pending on its IKE_SA */
	clones->set_sa(clones, a, 5, 50);
	enumerator = clones->create_pending_enumerator(clones, peer);
	CHECK(!enumerator->enumerate(enumerator, &x));
	enumerator->destroy(enumerator);
	clones->remove(clones, a);
	CHECK(peer_refs == 0);

	/* passive clones: ids above the active range, found by endpoints while live */
	c = l2tp_security_clone_create(clones->next_passive_id(clones), 4, p->get_ref(p),
				       ep("10.0.0.1", 1701), ep("10.0.0.9", 50000));
	c->passive = TRUE;
	CHECK(c->id == L2TPSEC_PASSIVE_ID_FIRST);
	CHECK(clones->next_passive_id(clones) == L2TPSEC_PASSIVE_ID_FIRST + 1);
	clones->add(clones, c);
	local = ep("10.0.0.1", 1701);
	remote = ep("10.0.0.9", 50000);
	CHECK(clones->get_passive(clones, local, remote) == c);
	remote->set_port(remote, 1701);
	CHECK(clones->get_passive(clones, local, remote) == NULL);
	remote->set_port(remote, 50000);
	clones->set_sa(clones, c, 6, 60);
	clones->set_state(clones, c, L2TP_SECURITY_CLONE_SECURED);
	CHECK(clones->get_passive(clones, local, remote) == c);
	clones->release(clones, c);
	CHECK(clones->get_passive(clones, local, remote) == NULL);
	local->destroy(local);
	remote->destroy(remote);

	/* listens: by connection and local endpoint (pattern %any matches any address) */
	clones->add_listen(clones, 4, p->get_ref(p), ep("0.0.0.0", 1701));
	local = ep("10.0.0.1", 1701);
	CHECK(clones->find_listen(clones, "conn-a", local) != NULL);
	CHECK(clones->find_listen(clones, "conn-b", local) == NULL);
	local->set_port(local, 1702);
	CHECK(clones->find_listen(clones, "conn-a", local) == NULL);
	local->set_port(local, 1701);
	clones->remove_listens(clones, 4);
	CHECK(clones->find_listen(clones, "conn-a", local) == NULL);
	local->destroy(local);
	clones->unlock(clones);
	clones->destroy(clones);
}

static void test_many(l2tp_security_profile_t *p)
{
	l2tp_security_clones_t *clones = l2tp_security_clones_create();
	l2tp_security_clone_t *clone;
	char addr[32];
	int found = 0;

	clones->lock(clones);
	for (int i = 0; i < 2000; i++) {
		snprintf(addr, sizeof(addr), "10.1.%d.%d", i / 250, i % 250 + 1);
		clone = clone_of(p, 9, (uint32_t)i + 1, addr);
		clones->add(clones, clone);
		clones->set_sa(clones, clone, (uint32_t)i + 1, (uint32_t)i + 10000);
		clones->set_state(clones, clone, L2TP_SECURITY_CLONE_SECURED);
	}
	for (int i = 0; i < 2000; i++) {
		clone = clones->get_by_child(clones, (uint32_t)i + 10000);
		found += clone && clone->id == (uint32_t)i + 1 &&
			 clones->get_by_request(clones, 9, (uint32_t)i + 1) == clone &&
			 !clones->ike_shared(clones, clone);
	}
	CHECK(found == 2000);
	clones->unlock(clones);
	clones->destroy(clones);
}

/* a negotiated ESP proposal against a profile, as a responder CHILD_SA is checked */
static bool accepts(l2tp_security_profile_t *p, const char *negotiated, bool with_ke)
{
	proposal_t *proposal = proposal_create_from_string(PROTO_ESP, negotiated);
	bool ok;

	if (!proposal)
		return FALSE;
	ok = p->accepts(p, proposal, with_ke);
	proposal->destroy(proposal);
	return ok;
}

static void test_accepts(l2tp_security_profile_t *plain)
{
	l2tp_security_profile_t *strict = profile("strict");

	CHECK(strict != NULL);
	if (!strict)
		return;
	/* rekeying is on unless a profile turns it off */
	CHECK(plain->rekeys(plain) && !strict->rekeys(strict));
	/* the profile's transforms, with its PFS group where the exchange could carry one */
	CHECK(accepts(strict, "aes128-sha1-modp2048", TRUE));
	CHECK(accepts(strict, "aes256-sha256-modp2048", TRUE));
	CHECK(!accepts(strict, "aes128-sha1", TRUE));
	CHECK(!accepts(strict, "aes128-sha1-modp1024", TRUE));
	/* an IKEv2 CHILD_SA created with IKE_AUTH cannot have PFS: transforms only */
	CHECK(accepts(strict, "aes128-sha1", FALSE));
	/* weaker transforms never, a mix of the two proposals neither */
	CHECK(!accepts(strict, "3des-md5-modp2048", TRUE));
	CHECK(!accepts(strict, "3des-md5", FALSE));
	CHECK(!accepts(strict, "aes256-sha1-modp2048", TRUE));
	CHECK(!accepts(strict, "aes128-sha256-modp2048", TRUE));
	/* without PFS in the profile: the peer's PFS is welcome, its transforms still checked */
	CHECK(accepts(plain, "aes128-sha1", TRUE));
	CHECK(accepts(plain, "aes128-sha1-modp2048", TRUE));
	CHECK(!accepts(plain, "aes256-sha256", TRUE));
	CHECK(!accepts(plain, "aes128-md5", FALSE));
	strict->destroy(strict);
}

int main(void)
{
	l2tp_security_profile_t *p;

	if (!library_init(NULL, "test"))
		return 99;
	lib->settings->load_string(lib->settings,
		"test { plugins { l2tp-security { profiles { conn-a { esp_proposals = aes128-sha1 } "
		"strict { esp_proposals = aes128-sha1,aes256-sha256\n pfs = yes\n pfs_group = 14\n "
		"rekey = no } "
		"} } } }", FALSE);
	p = profile("conn-a");
	CHECK(p != NULL);
	if (p) {
		test_states_and_indexes(p);
		test_pending_and_passive(p);
		test_many(p);
		test_accepts(p);
		p->destroy(p);
	}
	library_deinit();
	return check_done("test_clones");
}
