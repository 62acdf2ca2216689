/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_show.h"
#include "l2tp_security_facts.h"
#include "cs_build.h"
#include "l2tp_security_sas.h"
#include "json_out.h"

#include <stdio.h>

#include <daemon.h>
#include <collections/linked_list.h>

/** IOS numbers IPsec SAs from here, two per CHILD_SA (inbound, outbound; as l2tp_security_sas) */
#define ENGINE_IPSEC_BASE 2000

/**
 * Split a selector into at most max words, the last "json" flag removed
 */
static int split(char *selector, char **words, int max, bool *json)
{
	int n = 0;
	char *word, *save = NULL;

	for (word = strtok_r(selector, " \t", &save); word && n < max;
		 word = strtok_r(NULL, " \t", &save))
	{
		words[n++] = word;
	}
	if (word)
	{
		return -1;
	}
	*json = n > 0 && streq(words[n - 1], "json");
	return *json ? n - 1 : n;
}

/**
 * One item of a list: a JSON string after a comma, or plain text followed by suffix
 */
static void list_item(FILE *out, bool json, bool *first, const char *item,
					  const char *suffix)
{
	if (json)
	{
		fprintf(out, "%s", *first ? "" : ", ");
		json_string(out, item);
	}
	else
	{
		fprintf(out, "%s%s", item, suffix);
	}
	*first = FALSE;
}

/**
 * The one description of a profile's settings, for its log line and its show crypto map entry:
 * ESP proposals, mode, lifetimes, PFS, keep-sa and the connection IKE is borrowed from
 */
static void print_profile(FILE *out, l2tp_security_profile_t *profile)
{
	linked_list_t *proposals;
	uint64_t kilobytes;
	uint32_t seconds;

	proposals = linked_list_create_from_enumerator(
							profile->create_proposal_enumerator(profile));
	seconds = profile->get_lifetime(profile, &kilobytes);
	fprintf(out, "%#P, %s mode, lifetime %llu kilobytes/%u seconds, PFS (Y/N): %s, keep-sa %s, "
			"IKE from connection %s", proposals,
			profile->is_transport(profile) ? "transport" : "tunnel",
			(unsigned long long)kilobytes, seconds, profile->get_pfs_group(profile) ? "Y" : "N",
			profile->keep_sa(profile) ? "yes" : "no", profile->get_connection(profile));
	proposals->destroy(proposals);
}

/**
 * Print one crypto map entry: a template (info NULL) or a clone
 */
static void print_entry(FILE *out, bool json, bool first, l2tp_security_profile_t *profile,
						l2tp_security_clone_info_t *info)
{
	uint32_t seq, seconds;
	uint64_t kilobytes;
	uint16_t pfs;
	char *map, *sets, *set, *save = NULL, *copy;
	bool first_set = TRUE;

	map = profile->get_crypto_map(profile, &seq);
	seconds = profile->get_lifetime(profile, &kilobytes);
	pfs = profile->get_pfs_group(profile);
	sets = profile->get_transform_sets(profile);
	if (info)
	{
		seq = info->seq;
	}
	if (json)
	{
		fprintf(out, "%s\n    {\"name\": ", first ? "" : ",");
		json_string(out, map);
		fprintf(out, ", \"sequence\": %u, \"profile\": ", seq);
		json_string(out, profile->get_name(profile));
		if (info)
		{
			fprintf(out, ", \"template\": false, \"peer\": \"%H\"", info->remote);
		}
		else
		{
			fprintf(out, ", \"template\": true, \"peer\": \"0.0.0.0\"");
		}
		fprintf(out, ", \"lifetime_kilobytes\": %llu, \"lifetime_seconds\": %u, "
				"\"pfs\": %s, \"pfs_group\": %u, \"transform_sets\": [",
				(unsigned long long)kilobytes, seconds, pfs ? "true" : "false", pfs);
	}
	else
	{
		fprintf(out, "%sCrypto Map \"%s\" %u ipsec-isakmp\n", first ? "" : "\n", map, seq);
		if (info)
		{
			fprintf(out, "Peer = %H\nExtended IP access list\n", info->remote);
			fprintf(out, "access-list permit udp host %H port = %u host %H", info->local,
					info->local->get_port(info->local), info->remote);
			if (info->remote->get_port(info->remote))
			{
				fprintf(out, " port = %u", info->remote->get_port(info->remote));
			}
			fprintf(out, "\nCurrent peer:%H\n", info->remote);
		}
		else
		{
			fprintf(out, "No matching address list set.\nCurrent peer:0.0.0.0\n");
		}
		fprintf(out, "Security association lifetime:%llu kilobytes/%u seconds\n"
				"PFS (Y/N):%s\n", (unsigned long long)kilobytes, seconds, pfs ? "Y" : "N");
		if (pfs)
		{
			fprintf(out, "DH group:%N\n", key_exchange_method_names, pfs);
		}
		fprintf(out, "Transform sets={ ");
	}
	copy = strdup(sets);
	for (set = strtok_r(copy, ", ", &save); set; set = strtok_r(NULL, ", ", &save))
	{
		list_item(out, json, &first_set, set, ", ");
	}
	free(copy);
	if (!json)
	{
		fprintf(out, "}\n");
		if (!info)
		{
			fprintf(out, "Profile %s: ", profile->get_name(profile));
			print_profile(out, profile);
			fprintf(out, "\n");
		}
		if (info)
		{
			fprintf(out, "L2TP tunnel %u (%s open, profile %s): %s\n", info->id,
					info->passive ? "passive" : "active", profile->get_name(profile),
					info->secured ? "secured" : "negotiating");
		}
		return;
	}
	fprintf(out, "]");
	if (info)
	{
		fprintf(out, ", \"acl\": {\"protocol\": \"udp\", \"local\": \"%H\", \"local_port\": %u, "
				"\"remote\": \"%H\", \"remote_port\": %u}, \"tunnel\": %u, \"passive\": %s, "
				"\"secured\": %s", info->local, info->local->get_port(info->local),
				info->remote, info->remote->get_port(info->remote), info->id,
				info->passive ? "true" : "false", info->secured ? "true" : "false");
	}
	fprintf(out, "}");
}

/**
 * Does a profile belong to crypto map tag?
 */
static bool has_crypto_map(l2tp_security_config_t *config, char *tag)
{
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;
	bool found = FALSE;

	enumerator = config->create_profile_enumerator(config);
	while (!found && enumerator->enumerate(enumerator, &profile))
	{
		found = streq(tag, profile->get_crypto_map(profile, NULL));
	}
	enumerator->destroy(enumerator);
	return found;
}

/**
 * show crypto map [tag NAME]
 */
static void show_crypto_map(FILE *out, l2tp_security_config_t *config, array_t *clones,
							char *tag, bool json)
{
	l2tp_security_profile_t *profile;
	l2tp_security_clone_info_t *info;
	enumerator_t *enumerator;
	linked_list_t *interfaces;
	char name[64], *iface;
	bool first = TRUE, known;
	int i;

	interfaces = linked_list_create();
	if (json)
	{
		fprintf(out, "{\"crypto_maps\": [");
	}
	enumerator = config->create_profile_enumerator(config);
	while (enumerator->enumerate(enumerator, &profile))
	{
		if (tag && !streq(tag, profile->get_crypto_map(profile, NULL)))
		{
			continue;
		}
		print_entry(out, json, first, profile, NULL);
		first = FALSE;
		for (i = 0; i < array_count(clones); i++)
		{
			array_get(clones, i, &info);
			if (!streq(info->profile->get_name(info->profile), profile->get_name(profile)))
			{
				continue;
			}
			print_entry(out, json, FALSE, info->profile, info);
			l2tp_security_sas_interface(info->local, name, sizeof(name));
			known = interfaces->find_first(interfaces, (void*)streq, NULL, name);
			if (!known)
			{
				interfaces->insert_last(interfaces, strdup(name));
			}
		}
	}
	enumerator->destroy(enumerator);
	if (json)
	{
		fprintf(out, "%s], \"interfaces\": [", first ? "" : "\n  ");
	}
	else if (interfaces->get_count(interfaces))
	{
		fprintf(out, "Interfaces using crypto map %s:\n", tag ?: "(all)");
	}
	first = TRUE;
	while (interfaces->remove_first(interfaces, (void**)&iface) == SUCCESS)
	{
		list_item(out, json, &first, iface, "\n");
		free(iface);
	}
	interfaces->destroy(interfaces);
	if (json)
	{
		fprintf(out, "]}\n");
	}
}

/**
 * One row of show crypto engine connections active
 */
static void print_connection(FILE *out, bool json, bool *first, uint32_t id, host_t *host,
							 char *state, proposal_t *proposal, uint64_t encrypt,
							 uint64_t decrypt)
{
	char iface[64], algorithm[64];

	l2tp_security_sas_interface(host, iface, sizeof(iface));
	l2tp_security_facts_ios_algorithm(proposal, algorithm, sizeof(algorithm));
	if (json)
	{
		fprintf(out, "%s\n    {\"id\": %u, \"interface\": ", *first ? "" : ",", id);
		json_string(out, iface);
		fprintf(out, ", \"address\": \"%H\", \"state\": \"%s\", \"algorithm\": \"%s\", "
				"\"encrypt\": %llu, \"decrypt\": %llu}", host, state, algorithm,
				(unsigned long long)encrypt, (unsigned long long)decrypt);
	}
	else
	{
		fprintf(out, "%u\t%s\t%H\t%s\t%s\t%llu\t%llu\n", id, iface, host, state, algorithm,
				(unsigned long long)encrypt, (unsigned long long)decrypt);
	}
	*first = FALSE;
}

/**
 * show crypto engine connections active
 */
static void show_connections(FILE *out, bool json)
{
	enumerator_t *ikes, *children;
	ike_sa_t *ike_sa;
	child_sa_t *child_sa;
	uint64_t in, out_packets;
	uint32_t id;
	bool first = TRUE;

	fprintf(out, json ? "{\"connections\": [" :
			"ID\tInterface\tIP-Address\tState\tAlgorithm\tEncrypt\tDecrypt\n");
	ikes = charon->controller->create_ike_sa_enumerator(charon->controller, TRUE);
	while (ikes->enumerate(ikes, &ike_sa))
	{
		print_connection(out, json, &first, ike_sa->get_unique_id(ike_sa),
						 ike_sa->get_my_host(ike_sa),
						 ike_sa->get_state(ike_sa) == IKE_ESTABLISHED ? "set" : "alloc",
						 ike_sa->get_proposal(ike_sa), 0, 0);
		children = ike_sa->create_child_sa_enumerator(ike_sa);
		while (children->enumerate(children, &child_sa))
		{
			if (child_sa->get_state(child_sa) != CHILD_INSTALLED &&
				child_sa->get_state(child_sa) != CHILD_REKEYED)
			{
				continue;
			}
			in = out_packets = 0;
			child_sa->get_usestats(child_sa, TRUE, NULL, NULL, &in);
			child_sa->get_usestats(child_sa, FALSE, NULL, NULL, &out_packets);
			id = ENGINE_IPSEC_BASE + 2 * (child_sa->get_unique_id(child_sa) - 1);
			print_connection(out, json, &first, id, ike_sa->get_my_host(ike_sa), "set",
							 child_sa->get_proposal(child_sa), 0, in);
			print_connection(out, json, &first, id + 1, ike_sa->get_my_host(ike_sa), "set",
							 child_sa->get_proposal(child_sa), out_packets, 0);
		}
		children->destroy(children);
	}
	ikes->destroy(ikes);
	if (json)
	{
		fprintf(out, "%s]}\n", first ? "" : "\n  ");
	}
}

/*
 * Described in header
 */
char *l2tp_security_show_render(l2tp_security_config_t *config, array_t *clones,
								char *selector, const char **error)
{
	char *words[8], *copy, *text = NULL;
	const char *why = NULL;
	host_t *peer;
	size_t len = 0;
	bool json;
	FILE *out;
	int n;

	copy = strdup(selector);
	n = split(copy, words, countof(words), &json);
	out = open_memstream(&text, &len);
	if (!out)
	{
		free(copy);
		*error = "out of memory";
		return NULL;
	}
	if (n == 2 && streq(words[0], "crypto") && streq(words[1], "map"))
	{
		show_crypto_map(out, config, clones, NULL, json);
	}
	else if (n == 4 && streq(words[0], "crypto") && streq(words[1], "map") &&
			 streq(words[2], "tag"))
	{
		if (!has_crypto_map(config, words[3]))
		{
			why = "no such crypto map";
		}
		else
		{
			show_crypto_map(out, config, clones, words[3], json);
		}
	}
	else if (n == 3 && streq(words[0], "crypto") && streq(words[1], "isakmp") &&
			 streq(words[2], "sa"))
	{
		l2tp_security_sas_isakmp(out, json);
	}
	else if ((n == 3 || n == 5) && streq(words[0], "crypto") && streq(words[1], "ipsec") &&
			 streq(words[2], "sa") && (n == 3 || streq(words[3], "peer")))
	{
		peer = n == 5 ? host_create_from_string(words[4], 0) : NULL;
		if (n == 5 && !peer)
		{
			why = "peer is not an IP address";
		}
		else
		{
			l2tp_security_sas_ipsec(out, clones, peer, json);
		}
		DESTROY_IF(peer);
	}
	else if (n == 4 && streq(words[0], "crypto") && streq(words[1], "engine") &&
			 streq(words[2], "connections") && streq(words[3], "active"))
	{
		show_connections(out, json);
	}
	else
	{
		why = "unknown show command (crypto map [tag NAME], crypto engine connections "
			  "active, crypto isakmp sa, crypto ipsec sa [peer ADDR]; json)";
	}
	fclose(out);
	free(copy);
	if (why)
	{
		*error = why;
		free(text);
		return NULL;
	}
	if (!len)
	{	/* SHOW_REPLY needs text */
		free(text);
		text = strdup(json ? "{}\n" : "\n");
	}
	return text;
}

/**
 * Order snapshot entries by crypto map and sequence
 */
static int info_cmp(const void *a, const void *b, void *user)
{
	const l2tp_security_clone_info_t *x = a, *y = b;
	int diff;

	diff = strcmp(x->profile->get_crypto_map(x->profile, NULL),
				  y->profile->get_crypto_map(y->profile, NULL));
	return diff ?: (int)x->seq - (int)y->seq;
}

/*
 * Described in header
 */
array_t *l2tp_security_show_snapshot(l2tp_security_clones_t *clones)
{
	l2tp_security_clones_filter_t live = { .states = L2TP_SECURITY_CLONES_LIVE };
	l2tp_security_clone_info_t *info;
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;
	array_t *snapshot;

	snapshot = array_create(0, 0);
	clones->lock(clones);
	enumerator = clones->create_enumerator(clones, &live);
	while (enumerator->enumerate(enumerator, &clone))
	{
		INIT(info,
			.profile = clone->profile->get_ref(clone->profile),
			.seq = clone->seq,
			.id = clone->id,
			.passive = clone->passive,
			.secured = clone->state == L2TP_SECURITY_CLONE_SECURED,
			.local = clone->local->clone(clone->local),
			.remote = clone->remote->clone(clone->remote),
		);
		array_insert(snapshot, ARRAY_TAIL, info);
	}
	enumerator->destroy(enumerator);
	clones->unlock(clones);
	array_sort(snapshot, info_cmp, NULL);
	return snapshot;
}

/*
 * Described in header
 */
void l2tp_security_show_snapshot_free(array_t *snapshot)
{
	l2tp_security_clone_info_t *info;

	while (array_remove(snapshot, ARRAY_TAIL, &info))
	{
		info->profile->destroy(info->profile);
		info->local->destroy(info->local);
		info->remote->destroy(info->remote);
		free(info);
	}
	array_destroy(snapshot);
}

/**
 * Where the parts of a SHOW reply go
 */
typedef struct {
	void (*send)(void *data, struct cs_msg *msg);
	void *data;
	struct cs_msg *msg;
} reply_t;

static void reply_part(void *data, const char *start, size_t len)
{
	reply_t *reply = data;

	cs_build_show_reply(reply->msg, start, len);
	reply->send(reply->data, reply->msg);
}

/*
 * Described in header
 */
bool l2tp_security_show_reply(l2tp_security_config_t *config, l2tp_security_clones_t *clones,
							  char *selector, void (*send)(void *data, struct cs_msg *msg),
							  void *data, const char **error)
{
	array_t *snapshot;
	char *text;

	snapshot = l2tp_security_show_snapshot(clones);
	text = l2tp_security_show_render(config, snapshot, selector, error);
	l2tp_security_show_snapshot_free(snapshot);
	if (!text)
	{
		return FALSE;
	}
	l2tp_security_show_send_text(text, send, data);
	free(text);
	return TRUE;
}

/*
 * Described in header
 */
void l2tp_security_show_send_text(char *text, void (*send)(void *data, struct cs_msg *msg),
								  void *data)
{
	reply_t reply = {
		.send = send,
		.data = data,
		.msg = malloc(sizeof(*reply.msg)),
	};

	cs_split_text(text, reply_part, &reply);
	free(reply.msg);
}

/*
 * Described in header
 */
void l2tp_security_show_log_config(l2tp_security_config_t *config)
{
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;
	char names[512] = "", *name, *text;
	size_t len = 0, size;
	FILE *out;
	int n;

	enumerator = config->create_profile_enumerator(config);
	while (enumerator->enumerate(enumerator, &profile))
	{
		name = profile->get_name(profile);
		n = snprintf(names + len, sizeof(names) - len, "%s%s", len ? ", " : "", name);
		if (n < 0 || (size_t)n >= sizeof(names) - len)
		{
			break;
		}
		len += n;
	}
	enumerator->destroy(enumerator);
	DBG1(DBG_CFG, "l2tp-security %s: %u crypto profile(s)%s%s, crypto socket %s",
		 L2TPSEC_VERSION, config->get_profile_count(config), len ? ": " : "", names,
		 config->get_socket(config));
	enumerator = config->create_profile_enumerator(config);
	while (enumerator->enumerate(enumerator, &profile))
	{
		text = NULL;
		out = open_memstream(&text, &size);
		if (out)
		{
			print_profile(out, profile);
			fclose(out);
			DBG1(DBG_CFG, "l2tp-security: profile %s: %s", profile->get_name(profile), text);
		}
		free(text);
	}
	enumerator->destroy(enumerator);
}

/*
 * Described in header
 */
void l2tp_security_show_log_listen(l2tp_security_listen_t *listen)
{
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): Passive open, socket info: local %H/%u, "
		 "prot 17, profile %s", listen->local, listen->local->get_port(listen->local),
		 listen->profile->get_name(listen->profile));
}

/*
 * Described in header
 */
void l2tp_security_show_log_secured(l2tp_security_clone_t *clone)
{
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): Completed binding of application to socket, "
		 "local %H(%u), remote %H(%u), crypto map %s %u, SPIs %.8x_i %.8x_o, %s%s%s, "
		 "ESP overhead %u bytes", clone->local, clone->local->get_port(clone->local),
		 clone->remote, clone->remote->get_port(clone->remote),
		 clone->profile->get_crypto_map(clone->profile, NULL), clone->seq,
		 clone->facts.spi_in, clone->facts.spi_out, clone->facts.enc,
		 clone->facts.integ[0] ? "/" : "", clone->facts.integ, clone->facts.overhead);
}

/*
 * Described in header
 */
void l2tp_security_show_log_closed(l2tp_security_clone_t *clone, uint8_t reason)
{
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): closed socket, local %H(%u), remote %H(%u): %s",
		 clone->local, clone->local->get_port(clone->local), clone->remote,
		 clone->remote->get_port(clone->remote), cs_reason_name(reason));
}
