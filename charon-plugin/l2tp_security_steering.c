/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_steering.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <library.h>
#include <utils/debug.h>
#include <collections/array.h>
#include <collections/hashtable.h>
#include <threading/mutex.h>

typedef struct private_l2tp_security_steering_t private_l2tp_security_steering_t;

/**
 * Private data of an l2tp_security_steering_t object.
 */
struct private_l2tp_security_steering_t {

	/**
	 * Public interface.
	 */
	l2tp_security_steering_t public;

	/**
	 * Runs the nftables commands
	 */
	l2tp_security_nft_t *nft;

	/**
	 * Inbound XFRM policies for tunnels with a port of their own, or NULL
	 */
	l2tp_security_policies_t *policies;

	/**
	 * Steered tunnels (tunnel_t*)
	 */
	array_t *tunnels;

	/**
	 * Tunnel of each steered SPI (uintptr_t SPI => tunnel_t*)
	 */
	hashtable_t *spis;

	/**
	 * Last chain number given
	 */
	u_int counter;

	/**
	 * Guards everything
	 */
	mutex_t *mutex;
};

/**
 * One client's tunnel
 */
typedef struct {
	/** Its chain: tunnel_<id> */
	u_int id;
	/** The client's IKE address and port */
	host_t *peer;
	/** Our L2TP endpoint */
	host_t *local;
	/** The client's L2TP endpoint */
	host_t *remote;
	/** The client's port as the L2TP daemon sees it */
	uint16_t seen;
	/** SPIs steered to it */
	u_int spis;
	/** An inbound XFRM policy was installed for its own port */
	bool allowed;
} tunnel_t;

static void tunnel_destroy(tunnel_t *tunnel)
{
	tunnel->peer->destroy(tunnel->peer);
	tunnel->local->destroy(tunnel->local);
	tunnel->remote->destroy(tunnel->remote);
	free(tunnel);
}

/**
 * Address only, as nft writes it
 */
static char *address(host_t *host, char *buf, size_t len)
{
	chunk_t addr = host->get_address(host);

	if (!inet_ntop(host->get_family(host), addr.ptr, buf, len))
	{
		snprintf(buf, len, "invalid");
	}
	return buf;
}

/**
 * The client's endpoint as the L2TP daemon sees it
 */
static host_t *seen_host(tunnel_t *tunnel)
{
	host_t *seen = tunnel->remote->clone(tunnel->remote);

	seen->set_port(seen, tunnel->seen);
	return seen;
}

/**
 * The tunnel of a client and endpoints (mutex held)
 */
static tunnel_t *find(private_l2tp_security_steering_t *this, host_t *peer, host_t *local,
					  host_t *remote)
{
	tunnel_t *tunnel;
	int i;

	for (i = 0; i < array_count(this->tunnels); i++)
	{
		array_get(this->tunnels, i, &tunnel);
		if (tunnel->peer->equals(tunnel->peer, peer) &&
			tunnel->local->equals(tunnel->local, local) &&
			tunnel->remote->equals(tunnel->remote, remote))
		{
			return tunnel;
		}
	}
	return NULL;
}

/**
 * Does a tunnel to this address already show this port (mutex held)?
 */
static bool port_taken(private_l2tp_security_steering_t *this, host_t *remote, uint16_t port)
{
	tunnel_t *tunnel;
	int i;

	for (i = 0; i < array_count(this->tunnels); i++)
	{
		array_get(this->tunnels, i, &tunnel);
		if (tunnel->seen == port && tunnel->remote->ip_equals(tunnel->remote, remote))
		{
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * The port the L2TP daemon sees for a new tunnel: the client's own unless another tunnel to
 * that address shows it; 0 if no port is free (mutex held)
 */
static uint16_t choose_port(private_l2tp_security_steering_t *this, host_t *remote)
{
	u_int port = remote->get_port(remote);

	if (!port || !port_taken(this, remote, port))
	{
		return port;
	}
	for (port = L2TP_SECURITY_STEERING_FIRST_PORT; port <= 65535; port++)
	{
		if (!port_taken(this, remote, port))
		{
			return port;
		}
	}
	return 0;
}

/**
 * Append a printf-formatted line to a command buffer
 */
static void append(char *buf, size_t len, char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf + used, len - used, fmt, args);
	va_end(args);
}

/**
 * Commands making a tunnel's chain and reply mapping
 */
static void tunnel_commands(tunnel_t *tunnel, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];
	u_int real = tunnel->remote->get_port(tunnel->remote);

	append(buf, len, "add chain inet %s tunnel_%u\n", L2TP_SECURITY_STEERING_TABLE, tunnel->id);
	if (!real)
	{	/* selectors without a single port: nothing to tell it by */
		append(buf, len, "add rule inet %s tunnel_%u accept\n",
			   L2TP_SECURITY_STEERING_TABLE, tunnel->id);
	}
	else if (tunnel->seen == real)
	{	/* left as it is: a rewrite would cost a checksum update the kernel then verifies on
		 * plain ESP (NAT-T transport packets are not verified) */
		append(buf, len, "add rule inet %s tunnel_%u udp sport %u accept\n",
			   L2TP_SECURITY_STEERING_TABLE, tunnel->id, real);
	}
	else
	{	/* behind a NAT (so NAT-T): to the port the L2TP daemon knows it by */
		append(buf, len, "add rule inet %s tunnel_%u udp sport %u udp sport set %u accept\n",
			   L2TP_SECURITY_STEERING_TABLE, tunnel->id, real, tunnel->seen);
	}
	if (real)
	{	/* any other source port could be another tunnel's: the client's SA cannot claim it */
		append(buf, len, "add rule inet %s tunnel_%u counter drop\n",
			   L2TP_SECURITY_STEERING_TABLE, tunnel->id);
	}
	append(buf, len, "add element inet %s l2tp_ports { %u }\n", L2TP_SECURITY_STEERING_TABLE,
		   tunnel->local->get_port(tunnel->local));
	if (tunnel->seen != real)
	{
		append(buf, len, "add element inet %s steer_out%d { %s . %u : %u }\n",
			   L2TP_SECURITY_STEERING_TABLE,
			   tunnel->remote->get_family(tunnel->remote) == AF_INET ? 4 : 6,
			   address(tunnel->remote, addr, sizeof(addr)), tunnel->seen, real);
	}
}

/**
 * Commands removing a tunnel's chain and reply mapping (its SPIs already gone)
 */
static void tunnel_remove_commands(tunnel_t *tunnel, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	if (tunnel->seen != tunnel->remote->get_port(tunnel->remote))
	{
		append(buf, len, "delete element inet %s steer_out%d { %s . %u }\n",
			   L2TP_SECURITY_STEERING_TABLE,
			   tunnel->remote->get_family(tunnel->remote) == AF_INET ? 4 : 6,
			   address(tunnel->remote, addr, sizeof(addr)), tunnel->seen);
	}
	append(buf, len, "flush chain inet %s tunnel_%u\ndelete chain inet %s tunnel_%u\n",
		   L2TP_SECURITY_STEERING_TABLE, tunnel->id, L2TP_SECURITY_STEERING_TABLE, tunnel->id);
}

/**
 * A new tunnel, its chain installed with the SPI's element (mutex held)
 */
static tunnel_t *new_tunnel(private_l2tp_security_steering_t *this, uint32_t spi,
							host_t *peer, host_t *local, host_t *remote)
{
	tunnel_t *tunnel;
	host_t *seen;
	char cmds[1024] = "";

	INIT(tunnel,
		.id = ++this->counter,
		.peer = peer->clone(peer),
		.local = local->clone(local),
		.remote = remote->clone(remote),
		.seen = choose_port(this, remote),
	);
	if (remote->get_port(remote) && !tunnel->seen)
	{
		DBG1(DBG_CFG, "l2tp-security: no UDP port left for another L2TP client behind %H",
			 remote);
		tunnel_destroy(tunnel);
		return NULL;
	}
	tunnel_commands(tunnel, cmds, sizeof(cmds));
	append(cmds, sizeof(cmds), "add element inet %s steer_in { 0x%.8x : jump tunnel_%u }\n",
		   L2TP_SECURITY_STEERING_TABLE, ntohl(spi), tunnel->id);
	if (!this->nft->run(this->nft, cmds))
	{
		tunnel_destroy(tunnel);
		return NULL;
	}
	if (tunnel->seen != remote->get_port(remote) && this->policies)
	{	/* its first message reaches the L2TP daemon's shared socket from the new port */
		seen = seen_host(tunnel);
		tunnel->allowed = this->policies->allow(this->policies, local, seen);
		seen->destroy(seen);
		if (!tunnel->allowed)
		{
			cmds[0] = '\0';
			append(cmds, sizeof(cmds), "delete element inet %s steer_in { 0x%.8x }\n",
				   L2TP_SECURITY_STEERING_TABLE, ntohl(spi));
			tunnel_remove_commands(tunnel, cmds, sizeof(cmds));
			this->nft->run(this->nft, cmds);
			tunnel_destroy(tunnel);
			return NULL;
		}
	}
	if (tunnel->seen != remote->get_port(remote))
	{
		DBG1(DBG_CFG, "l2tp-security: L2TP client %H[%u] (IKE %#H) shares its address and port "
			 "with another: its tunnel is seen at port %u", remote, remote->get_port(remote),
			 peer, tunnel->seen);
	}
	array_insert(this->tunnels, ARRAY_TAIL, tunnel);
	return tunnel;
}

/**
 * The client's endpoint as the L2TP daemon sees it for a steered SPI, or NULL (mutex held)
 */
static host_t *seen_by_spi(private_l2tp_security_steering_t *this, uint32_t spi)
{
	tunnel_t *tunnel = this->spis->get(this->spis, (void*)(uintptr_t)spi);

	return tunnel ? seen_host(tunnel) : NULL;
}

METHOD(l2tp_security_steering_t, add, host_t*,
	private_l2tp_security_steering_t *this, uint32_t spi, host_t *peer, host_t *local,
	host_t *remote, bool create)
{
	tunnel_t *tunnel;
	host_t *seen = NULL;
	char cmds[256] = "";

	if (!spi)
	{
		return NULL;
	}
	this->mutex->lock(this->mutex);
	seen = seen_by_spi(this, spi);
	if (seen)
	{
		this->mutex->unlock(this->mutex);
		return seen;
	}
	tunnel = find(this, peer, local, remote);
	if (tunnel)
	{	/* a rekey, or the client's next IKE_SA */
		append(cmds, sizeof(cmds), "add element inet %s steer_in { 0x%.8x : jump tunnel_%u }\n",
			   L2TP_SECURITY_STEERING_TABLE, ntohl(spi), tunnel->id);
		if (!this->nft->run(this->nft, cmds))
		{
			tunnel = NULL;
		}
	}
	else if (create)
	{
		tunnel = new_tunnel(this, spi, peer, local, remote);
	}
	if (tunnel)
	{
		tunnel->spis++;
		this->spis->put(this->spis, (void*)(uintptr_t)spi, tunnel);
		seen = seen_host(tunnel);
	}
	this->mutex->unlock(this->mutex);
	return seen;
}

METHOD(l2tp_security_steering_t, move, u_int,
	private_l2tp_security_steering_t *this, host_t *from, host_t *to)
{
	tunnel_t *tunnel;
	u_int moved = 0;
	int i;

	this->mutex->lock(this->mutex);
	for (i = 0; i < array_count(this->tunnels); i++)
	{	/* the chains never name the IKE endpoint: only the key of a rekey's lookup changes */
		array_get(this->tunnels, i, &tunnel);
		if (tunnel->peer->equals(tunnel->peer, from))
		{
			tunnel->peer->destroy(tunnel->peer);
			tunnel->peer = to->clone(to);
			moved++;
		}
	}
	this->mutex->unlock(this->mutex);
	return moved;
}

METHOD(l2tp_security_steering_t, get_seen, host_t*,
	private_l2tp_security_steering_t *this, uint32_t spi)
{
	host_t *seen;

	this->mutex->lock(this->mutex);
	seen = seen_by_spi(this, spi);
	this->mutex->unlock(this->mutex);
	return seen;
}

/**
 * Remove a tunnel's inbound XFRM policy, if it has one
 */
static void disallow(private_l2tp_security_steering_t *this, tunnel_t *tunnel)
{
	host_t *seen;

	if (tunnel->allowed)
	{
		seen = seen_host(tunnel);
		this->policies->disallow(this->policies, tunnel->local, seen);
		seen->destroy(seen);
		tunnel->allowed = FALSE;
	}
}

/**
 * Forget a tunnel whose last SPI went (mutex held)
 */
static void drop_tunnel(private_l2tp_security_steering_t *this, tunnel_t *tunnel)
{
	tunnel_t *other;
	int i;

	disallow(this, tunnel);
	for (i = 0; i < array_count(this->tunnels); i++)
	{
		array_get(this->tunnels, i, &other);
		if (other == tunnel)
		{
			array_remove(this->tunnels, i, NULL);
			break;
		}
	}
	tunnel_destroy(tunnel);
}

METHOD(l2tp_security_steering_t, remove_, void,
	private_l2tp_security_steering_t *this, uint32_t spi)
{
	tunnel_t *tunnel;
	char cmds[512] = "";

	if (!spi)
	{
		return;
	}
	this->mutex->lock(this->mutex);
	tunnel = this->spis->remove(this->spis, (void*)(uintptr_t)spi);
	if (tunnel)
	{
		append(cmds, sizeof(cmds), "delete element inet %s steer_in { 0x%.8x }\n",
			   L2TP_SECURITY_STEERING_TABLE, ntohl(spi));
		if (--tunnel->spis == 0)
		{
			tunnel_remove_commands(tunnel, cmds, sizeof(cmds));
		}
		/* nothing half-done can let a packet through: a stale element still steers to its
		 * own tunnel's port, whose socket takes only that SA's packets */
		this->nft->run(this->nft, cmds);
		if (!tunnel->spis)
		{
			drop_tunnel(this, tunnel);
		}
	}
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_steering_t, get_count, u_int,
	private_l2tp_security_steering_t *this, u_int *own)
{
	tunnel_t *tunnel;
	u_int count, i, n = 0;

	this->mutex->lock(this->mutex);
	count = array_count(this->tunnels);
	for (i = 0; i < count; i++)
	{
		array_get(this->tunnels, i, &tunnel);
		n += tunnel->seen != tunnel->remote->get_port(tunnel->remote);
	}
	this->mutex->unlock(this->mutex);
	if (own)
	{
		*own = n;
	}
	return count;
}

METHOD(l2tp_security_steering_t, destroy, void,
	private_l2tp_security_steering_t *this)
{
	tunnel_t *tunnel;

	while (array_remove(this->tunnels, ARRAY_TAIL, &tunnel))
	{
		disallow(this, tunnel);
		tunnel_destroy(tunnel);
	}
	this->nft->run(this->nft, "delete table inet " L2TP_SECURITY_STEERING_TABLE "\n");
	this->nft->destroy(this->nft);
	array_destroy(this->tunnels);
	this->spis->destroy(this->spis);
	this->mutex->destroy(this->mutex);
	free(this);
}

/**
 * The table, replacing one a previous charon left: SPIs it steered are not ours to trust
 */
static char *table =
	"add table inet " L2TP_SECURITY_STEERING_TABLE "\n"
	"delete table inet " L2TP_SECURITY_STEERING_TABLE "\n"
	"table inet " L2TP_SECURITY_STEERING_TABLE " {\n"
	"	map steer_in {\n"
	"		typeof ipsec in spi : verdict\n"
	"	}\n"
	"	map steer_out4 {\n"
	"		typeof ip daddr . udp dport : udp dport\n"
	"	}\n"
	"	map steer_out6 {\n"
	"		typeof ip6 daddr . udp dport : udp dport\n"
	"	}\n"
	"	set l2tp_ports {\n"
	"		typeof udp dport\n"
	"	}\n"
	"	chain steer {\n"
	"		type filter hook prerouting priority raw; policy accept;\n"
	"		meta secpath exists udp dport @l2tp_ports ipsec in spi vmap @steer_in\n"
	"		meta secpath exists udp dport @l2tp_ports counter drop comment "
	"\"L2TP over an SA l2tp-security does not know\"\n"
	"	}\n"
	"	chain reply {\n"
	"		type filter hook output priority raw; policy accept;\n"
	"		meta nfproto ipv4 udp sport @l2tp_ports udp dport set ip daddr . udp dport "
	"map @steer_out4\n"
	"		meta nfproto ipv6 udp sport @l2tp_ports udp dport set ip6 daddr . udp dport "
	"map @steer_out6\n"
	"	}\n"
	"}\n";

/*
 * Described in header
 */
l2tp_security_steering_t *l2tp_security_steering_create(l2tp_security_nft_t *nft,
											l2tp_security_policies_t *policies)
{
	private_l2tp_security_steering_t *this;

	if (!nft->run(nft, table))
	{
		DBG1(DBG_CFG, "l2tp-security: cannot create nftables table inet %s",
			 L2TP_SECURITY_STEERING_TABLE);
		nft->destroy(nft);
		return NULL;
	}
	INIT(this,
		.public = {
			.add = _add,
			.get_seen = _get_seen,
			.move = _move,
			.remove = _remove_,
			.get_count = _get_count,
			.destroy = _destroy,
		},
		.nft = nft,
		.policies = policies,
		.tunnels = array_create(0, 0),
		.spis = hashtable_create(hashtable_hash_ptr, hashtable_equals_ptr, 32),
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
