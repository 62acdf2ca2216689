/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_operator.h"
#include "l2tp_security_compat.h"

#include <stdio.h>

#include <daemon.h>
#include <collections/array.h>

/*
 * Described in header
 */
bool l2tp_security_operator_handles(const char *command)
{
	return strpfx(command, "clear ") || strpfx(command, "debug ") ||
		   streq(command, "debugging") || streq(command, "debugging json");
}

/**
 * Delete the IKE_SAs (all, or those with peer) and say how many
 */
static void clear_sessions(FILE *out, host_t *peer)
{
	enumerator_t *enumerator;
	ike_sa_t *ike_sa;
	host_t *other;
	array_t *ids;
	uint32_t id;

	/* collect first: terminating while the enumerator holds an IKE_SA would deadlock */
	ids = array_create(sizeof(uint32_t), 0);
	enumerator = charon->controller->create_ike_sa_enumerator(charon->controller, TRUE);
	while (enumerator->enumerate(enumerator, &ike_sa))
	{
		other = ike_sa->get_other_host(ike_sa);
		if (!peer || other->ip_equals(other, peer))
		{
			id = ike_sa->get_unique_id(ike_sa);
			array_insert(ids, ARRAY_TAIL, &id);
		}
	}
	enumerator->destroy(enumerator);
	fprintf(out, "%u crypto session(s) cleared\n", array_count(ids));
	while (array_remove(ids, ARRAY_HEAD, &id))
	{
		DBG1(DBG_CFG, "l2tp-security: clear crypto session: deleting IKE_SA %u", id);
		L2TPSEC_TERMINATE_IKE(id);
	}
	array_destroy(ids);
}

/*
 * Described in header
 */
char *l2tp_security_operator_run(l2tp_security_reporter_t *reporter, char *command,
								 const char **error)
{
	char *text = NULL, *words[6], *save = NULL, *word;
	const char *why = NULL;
	host_t *peer;
	size_t len = 0;
	FILE *out;
	u_int n = 0;

	for (word = strtok_r(command, " \t", &save); word && n < countof(words);
		 word = strtok_r(NULL, " \t", &save))
	{
		words[n++] = word;
	}
	out = open_memstream(&text, &len);
	if (!out)
	{
		*error = "out of memory";
		return NULL;
	}
	if (n >= 1 && streq(words[0], "debugging"))
	{
		fprintf(out, n == 2 ? "{\"crypto_socket\": %s}\n" :
				"Crypto (charon):\n  Crypto socket debugging is %s\n",
				reporter->get_debug(reporter) ? (n == 2 ? "true" : "on") :
												(n == 2 ? "false" : "off"));
	}
	else if (n == 4 && streq(words[1], "crypto") && streq(words[2], "socket") &&
			 streq(words[0], "debug") && (streq(words[3], "on") || streq(words[3], "off")))
	{
		reporter->set_debug(reporter, streq(words[3], "on"));
		fprintf(out, "Crypto socket debugging is %s\n", words[3]);
	}
	else if ((n == 3 || n == 5) && streq(words[0], "clear") && streq(words[1], "crypto") &&
			 streq(words[2], "session") && (n == 3 || streq(words[3], "remote")))
	{
		peer = n == 5 ? host_create_from_string(words[4], 0) : NULL;
		if (n == 5 && !peer)
		{
			why = "remote is not an IP address";
		}
		else
		{
			clear_sessions(out, peer);
		}
		DESTROY_IF(peer);
	}
	else
	{
		why = "unknown command (clear crypto session [remote ADDR], debug crypto socket "
			  "on|off)";
	}
	fclose(out);
	if (why)
	{
		*error = why;
		free(text);
		return NULL;
	}
	return text;
}
