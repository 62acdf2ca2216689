/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_sas.h"
#include "l2tp_security_show.h"
#include "json_out.h"

#include <daemon.h>

/** IOS numbers IPsec SAs from here, two per CHILD_SA (as show crypto engine connections) */
#define ENGINE_IPSEC_BASE 2000

/*
 * Described in header
 */
void l2tp_security_sas_interface(host_t *host, char *buf, size_t len)
{
	char *name = NULL;

	if (!host->is_anyaddr(host) &&
		charon->kernel->get_interface(charon->kernel, host, &name) && name)
	{
		snprintf(buf, len, "%s", name);
		free(name);
		return;
	}
	snprintf(buf, len, "unknown");
}

/**
 * IOS's ISAKMP state names for charon's IKE_SA states
 */
static const char *isakmp_state(ike_sa_t *ike_sa)
{
	bool v1 = ike_sa->get_version(ike_sa) == IKEV1;

	switch (ike_sa->get_state(ike_sa))
	{
		case IKE_ESTABLISHED:
		case IKE_REKEYING:
		case IKE_REKEYED:
			return v1 ? "QM_IDLE" : "READY";
		case IKE_CONNECTING:
			return v1 ? "MM_KEY_EXCH" : "IN-NEG";
		case IKE_DELETING:
		case IKE_DESTROYING:
			return v1 ? "MM_NO_STATE" : "DELETE";
		default:
			return v1 ? "MM_NO_STATE" : "UNKNOWN";
	}
}

/*
 * Described in header
 */
void l2tp_security_sas_isakmp(FILE *out, bool json)
{
	enumerator_t *enumerator;
	ike_sa_t *ike_sa;
	host_t *me, *other, *src, *dst;
	bool first = TRUE, active;

	fprintf(out, json ? "{\"isakmp_sas\": [" : "IPv4 Crypto ISAKMP SA\n"
			"dst             src             state          conn-id status\n");
	enumerator = charon->controller->create_ike_sa_enumerator(charon->controller, TRUE);
	while (enumerator->enumerate(enumerator, &ike_sa))
	{
		me = ike_sa->get_my_host(ike_sa);
		other = ike_sa->get_other_host(ike_sa);
		/* src is who started it */
		src = ike_sa->has_condition(ike_sa, COND_ORIGINAL_INITIATOR) ? me : other;
		dst = src == me ? other : me;
		active = ike_sa->get_state(ike_sa) == IKE_ESTABLISHED ||
				 ike_sa->get_state(ike_sa) == IKE_REKEYING;
		if (json)
		{
			fprintf(out, "%s\n  {\"dst\": \"%H\", \"src\": \"%H\", \"state\": \"%s\", "
					"\"conn_id\": %u, \"status\": \"%s\", \"version\": %d, \"name\": ",
					first ? "" : ",", dst, src, isakmp_state(ike_sa),
					ike_sa->get_unique_id(ike_sa), active ? "ACTIVE" : "INACTIVE",
					ike_sa->get_version(ike_sa) == IKEV1 ? 1 : 2);
			json_string(out, ike_sa->get_name(ike_sa));
			fprintf(out, "}");
		}
		else
		{
			fprintf(out, "%-15H %-15H %-14s %7u %s\n", dst, src, isakmp_state(ike_sa),
					ike_sa->get_unique_id(ike_sa), active ? "ACTIVE" : "INACTIVE");
		}
		first = FALSE;
	}
	enumerator->destroy(enumerator);
	if (json)
	{
		fprintf(out, "%s]}\n", first ? "" : "\n");
	}
}

/**
 * The IOS transform set words for a negotiated ESP proposal, e.g. "esp-aes 256 esp-sha-hmac"
 */
static void ios_transform(proposal_t *proposal, char *buf, size_t len)
{
	uint16_t enc = ENCR_UNDEFINED, integ = AUTH_UNDEFINED, size = 0;
	const char *cipher, *mac = "";

	if (proposal)
	{
		proposal->get_algorithm(proposal, ENCRYPTION_ALGORITHM, &enc, &size);
		proposal->get_algorithm(proposal, INTEGRITY_ALGORITHM, &integ, NULL);
	}
	switch (enc)
	{
		case ENCR_AES_CBC:
			cipher = "esp-aes";
			break;
		case ENCR_AES_GCM_ICV16:
			cipher = "esp-gcm";
			break;
		case ENCR_3DES:
			cipher = "esp-3des";
			size = 0;
			break;
		case ENCR_DES:
			cipher = "esp-des";
			size = 0;
			break;
		case ENCR_NULL:
			cipher = "esp-null";
			size = 0;
			break;
		default:
			cipher = "esp-unknown";
			break;
	}
	switch (integ)
	{
		case AUTH_HMAC_MD5_96:
			mac = " esp-md5-hmac";
			break;
		case AUTH_HMAC_SHA1_96:
			mac = " esp-sha-hmac";
			break;
		case AUTH_HMAC_SHA2_256_128:
			mac = " esp-sha256-hmac";
			break;
		case AUTH_HMAC_SHA2_384_192:
			mac = " esp-sha384-hmac";
			break;
		case AUTH_HMAC_SHA2_512_256:
			mac = " esp-sha512-hmac";
			break;
		default:
			break;
	}
	if (size > 128)
	{
		snprintf(buf, len, "%s %u%s", cipher, size, mac);
	}
	else
	{
		snprintf(buf, len, "%s%s", cipher, mac);
	}
}

/**
 * The first traffic selector of one side as IOS's "(addr/mask/prot/port)"
 */
static void ident(child_sa_t *child_sa, bool local, char *buf, size_t len, host_t **addr,
				  uint16_t *port)
{
	enumerator_t *enumerator;
	traffic_selector_t *ts;
	host_t *net = NULL;
	uint8_t mask = 0;

	snprintf(buf, len, "(unknown)");
	*addr = NULL;
	*port = 0;
	enumerator = child_sa->create_ts_enumerator(child_sa, local);
	if (enumerator->enumerate(enumerator, &ts) && ts->to_subnet(ts, &net, &mask))
	{
		*port = ts->get_from_port(ts) == ts->get_to_port(ts) ? ts->get_from_port(ts) : 0;
		snprintf(buf, len, "(%H/%u/%u/%u)", net, mask, ts->get_protocol(ts), *port);
		*addr = net;
	}
	else
	{
		DESTROY_IF(net);
	}
	enumerator->destroy(enumerator);
}

/**
 * The crypto map tag of the clone a CHILD_SA carries, by its L2TP endpoints
 */
static const char *map_tag(array_t *clones, host_t *remote, uint16_t port)
{
	l2tp_security_clone_info_t *info;
	int i;

	for (i = 0; remote && i < array_count(clones); i++)
	{
		array_get(clones, i, &info);
		if (info->remote->ip_equals(info->remote, remote) &&
			info->remote->get_port(info->remote) == port)
		{
			return info->profile->get_crypto_map(info->profile, NULL);
		}
	}
	return NULL;
}

/**
 * One direction's SA of a CHILD_SA
 */
static void print_esp(FILE *out, child_sa_t *child_sa, bool inbound, const char *transform,
					  const char *tag, uint32_t conn_id)
{
	uint32_t spi = ntohl(child_sa->get_spi(child_sa, inbound));
	/* IOS counts down to the rekey its lifetime sets; charon's hard expiry is a margin later */
	time_t expires = child_sa->get_lifetime(child_sa, FALSE) ?: child_sa->get_lifetime(child_sa, TRUE);
	time_t now = time_monotonic(NULL);

	fprintf(out, "     %s esp sas:\n"
			"      spi: 0x%X(%u)\n"
			"        transform: %s ,\n"
			"        in use settings ={%s%s, }\n"
			"        conn id: %u, crypto map: %s\n"
			"        sa timing: remaining key lifetime (sec): (%ld)\n",
			inbound ? "inbound" : "outbound", spi, spi, transform,
			child_sa->get_mode(child_sa) == MODE_TRANSPORT ? "Transport" : "Tunnel",
			child_sa->has_encap(child_sa) ? " UDP-Encaps" : "", conn_id, tag ?: "(none)",
			expires > now ? (long)(expires - now) : 0L);
}

/*
 * Described in header
 */
void l2tp_security_sas_ipsec(FILE *out, array_t *clones, host_t *peer, bool json)
{
	enumerator_t *ikes, *children;
	ike_sa_t *ike_sa;
	child_sa_t *child_sa;
	host_t *me, *other, *laddr, *raddr;
	uint64_t in = 0, outp = 0, inb = 0, outb = 0;
	uint16_t lport, rport;
	char lid[80], rid[80], iface[64], transform[64];
	const char *tag;
	uint32_t conn_id;
	bool first = TRUE;

	if (json)
	{
		fprintf(out, "{\"ipsec_sas\": [");
	}
	ikes = charon->controller->create_ike_sa_enumerator(charon->controller, TRUE);
	while (ikes->enumerate(ikes, &ike_sa))
	{
		me = ike_sa->get_my_host(ike_sa);
		other = ike_sa->get_other_host(ike_sa);
		if (peer && !other->ip_equals(other, peer))
		{
			continue;
		}
		children = ike_sa->create_child_sa_enumerator(ike_sa);
		while (children->enumerate(children, &child_sa))
		{
			if (child_sa->get_state(child_sa) != CHILD_INSTALLED &&
				child_sa->get_state(child_sa) != CHILD_REKEYED)
			{
				continue;
			}
			child_sa->get_usestats(child_sa, TRUE, NULL, &inb, &in);
			child_sa->get_usestats(child_sa, FALSE, NULL, &outb, &outp);
			ident(child_sa, TRUE, lid, sizeof(lid), &laddr, &lport);
			ident(child_sa, FALSE, rid, sizeof(rid), &raddr, &rport);
			tag = map_tag(clones, raddr, rport);
			l2tp_security_sas_interface(me, iface, sizeof(iface));
			ios_transform(child_sa->get_proposal(child_sa), transform, sizeof(transform));
			conn_id = ENGINE_IPSEC_BASE + 2 * (child_sa->get_unique_id(child_sa) - 1);
			if (json)
			{
				fprintf(out, "%s\n  {\"interface\": ", first ? "" : ",");
				json_string(out, iface);
				fprintf(out, ", \"crypto_map\": ");
				json_string(out, tag);
				fprintf(out, ", \"local_addr\": \"%H\", \"peer\": \"%H\", \"peer_port\": %u, "
						"\"local_ident\": \"%s\", \"remote_ident\": \"%s\", "
						"\"pkts_encaps\": %llu, \"pkts_decaps\": %llu, "
						"\"bytes_out\": %llu, \"bytes_in\": %llu, "
						"\"spi_in\": %u, \"spi_out\": %u, \"transform\": \"%s\", "
						"\"mode\": \"%s\", \"udp_encaps\": %s, \"ike_sa\": %u}",
						me, other, other->get_port(other), lid, rid,
						(unsigned long long)outp, (unsigned long long)in,
						(unsigned long long)outb, (unsigned long long)inb,
						ntohl(child_sa->get_spi(child_sa, TRUE)),
						ntohl(child_sa->get_spi(child_sa, FALSE)), transform,
						child_sa->get_mode(child_sa) == MODE_TRANSPORT ? "transport" : "tunnel",
						child_sa->has_encap(child_sa) ? "true" : "false",
						ike_sa->get_unique_id(ike_sa));
			}
			else
			{
				fprintf(out, "\ninterface: %s\n"
						"    Crypto map tag: %s, local addr %H\n\n"
						"   local  ident (addr/prefix/prot/port): %s\n"
						"   remote ident (addr/prefix/prot/port): %s\n"
						"   current_peer %H port %u\n"
						"    #pkts encaps: %llu, #pkts encrypt: %llu, #pkts digest: %llu\n"
						"    #pkts decaps: %llu, #pkts decrypt: %llu, #pkts verify: %llu\n\n"
						"     local crypto endpt.: %H, remote crypto endpt.: %H\n"
						"     current outbound spi: 0x%X(%u)\n\n",
						iface, tag ?: "(none)", me, lid, rid, other, other->get_port(other),
						(unsigned long long)outp, (unsigned long long)outp,
						(unsigned long long)outp, (unsigned long long)in,
						(unsigned long long)in, (unsigned long long)in, me, other,
						ntohl(child_sa->get_spi(child_sa, FALSE)),
						ntohl(child_sa->get_spi(child_sa, FALSE)));
				print_esp(out, child_sa, TRUE, transform, tag, conn_id);
				print_esp(out, child_sa, FALSE, transform, tag, conn_id + 1);
			}
			DESTROY_IF(laddr);
			DESTROY_IF(raddr);
			first = FALSE;
		}
		children->destroy(children);
	}
	ikes->destroy(ikes);
	if (json)
	{
		fprintf(out, "%s]}\n", first ? "" : "\n");
	}
}
