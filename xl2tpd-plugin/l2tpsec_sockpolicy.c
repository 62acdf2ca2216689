/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/ipsec.h>
#include <linux/xfrm.h>

#include "l2tpsec_sockpolicy.h"

#ifndef IP_XFRM_POLICY
#define IP_XFRM_POLICY 17	/* linux/in.h; glibc's netinet/in.h lacks it */
#endif
#ifndef IPV6_XFRM_POLICY
#define IPV6_XFRM_POLICY 35
#endif

int l2tpsec_sockpolicy_require_esp(int fd, int family, enum l2tpsec_sock_dir dir, uint32_t reqid,
				   uint32_t spi)
{
	struct {
		struct xfrm_userpolicy_info info;
		struct xfrm_user_tmpl tmpl;
	} policy;

	memset(&policy, 0, sizeof(policy));
	/* an empty selector: every packet of this socket, whatever its addresses */
	policy.info.sel.family = (uint16_t)family;
	policy.info.dir = dir == L2TPSEC_SOCK_IN ? XFRM_POLICY_IN : XFRM_POLICY_OUT;
	policy.info.action = XFRM_POLICY_ALLOW;
	policy.info.lft.soft_byte_limit = policy.info.lft.hard_byte_limit = XFRM_INF;
	policy.info.lft.soft_packet_limit = policy.info.lft.hard_packet_limit = XFRM_INF;
	/* ...allowed only through an ESP transport SA: addresses come from the packet */
	policy.tmpl.family = (uint16_t)family;
	policy.tmpl.id.proto = IPPROTO_ESP;
	policy.tmpl.id.spi = htonl(spi);
	policy.tmpl.mode = XFRM_MODE_TRANSPORT;
	policy.tmpl.reqid = reqid;
	policy.tmpl.aalgos = policy.tmpl.ealgos = policy.tmpl.calgos = ~0u;
	if (setsockopt(fd, family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP,
		       family == AF_INET6 ? IPV6_XFRM_POLICY : IP_XFRM_POLICY, &policy,
		       sizeof(policy)))
		return -errno;
	return 0;
}
