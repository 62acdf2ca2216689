/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Every name and constant two components share, in one place: the crypto socket's default path
 * and id ranges, the configuration keys the translator writes and the charon plugin, the patched
 * xl2tpd and the pppd plugin read, the LCP renegotiation modes and the one yes/no parser.
 * tests/unit/test_config_contract.sh feeds the translator's output to every reader.
 */
#ifndef L2TPSEC_NAMES_H
#define L2TPSEC_NAMES_H

#include <stdint.h>

/* charon's crypto socket unless its settings say otherwise */
#define L2TPSEC_DEFAULT_SOCKET "/run/l2tpsec/crypto.sock"
/* the UDP port an L2TP endpoint has when a request names none */
#define L2TPSEC_L2TP_PORT 1701
/* OPEN ids a client chooses: 1 .. L2TPSEC_ACTIVE_ID_MAX; charon numbers passive clones above */
#define L2TPSEC_ACTIVE_ID_MAX 0x7fffffffu
#define L2TPSEC_PASSIVE_ID_FIRST 0x80000000u

/* xl2tpd.conf: [global] */
#define L2TPSEC_XL2TPD_SOCKET "l2tpsec crypto socket"
/* ... and where it answers show vpdn, clear vpdn, debug vpdn (xl2tpd-plugin/l2tpsec_ctl.h) */
#define L2TPSEC_XL2TPD_CONTROL "l2tpsec control socket"
/* xl2tpd.conf: [global] (IOS vpdn session-limit) and [lns]/[lac] (the vpdn-group's
 * session-limit): sessions past it are refused, an ICRQ with CDN result code
 * L2TPSEC_CDN_NO_RESOURCES */
#define L2TPSEC_XL2TPD_SESSION_LIMIT "l2tpsec session limit"
#define L2TPSEC_SESSION_LIMIT_MAX 65535
/* RFC 2661 4.4.2: "call failed due to lack of appropriate facilities being available
 * (temporary condition)", which a LAC takes as "try another LNS" */
#define L2TPSEC_CDN_NO_RESOURCES 4
/* xl2tpd.conf: [lns]/[lac] */
#define L2TPSEC_XL2TPD_PROFILE "l2tpsec crypto profile"
#define L2TPSEC_XL2TPD_KEEP_SA "l2tpsec keep sa"
#define L2TPSEC_XL2TPD_IP_PMTU "l2tpsec ip pmtu"
#define L2TPSEC_XL2TPD_LCP "l2tpsec lcp renegotiation"
/* xl2tpd.conf: [lac] (IOS initiate-to ip A priority N): the order the LAC tries its lns entries
 * in, "HOST N", lowest number first, equal numbers sharing the load (an entry without one: 1) */
#define L2TPSEC_XL2TPD_LNS_PRIORITY "l2tpsec lns priority"
#define L2TPSEC_LNS_PRIORITY_MAX 32767
/* xl2tpd.conf: [lac] (IOS l2tp tunnel busy timeout): seconds an LNS that failed is left alone */
#define L2TPSEC_XL2TPD_BUSY_TIMEOUT "l2tpsec busy timeout"
#define L2TPSEC_BUSY_TIMEOUT_DEFAULT 300
#define L2TPSEC_BUSY_TIMEOUT_MAX 65535
/* xl2tpd.conf: [lns] only (IOS terminate-from hostname: the LAC host name this group serves) */
#define L2TPSEC_XL2TPD_TERMINATE_FROM "l2tpsec terminate from"

/* strongswan.d: charon.plugins.l2tp-security.* */
#define L2TPSEC_CHARON_PLUGIN "l2tp-security"
#define L2TPSEC_CHARON_SOCKET "socket"
#define L2TPSEC_CHARON_OPEN_TIMEOUT "open_timeout"
#define L2TPSEC_CHARON_PROFILES "profiles"
/* a key's settings path below the namespace, for lib->settings with lib->ns as the first "%s" */
#define L2TPSEC_CHARON_KEY(key) "%s.plugins." L2TPSEC_CHARON_PLUGIN "." key
/* charon.plugins.l2tp-security.profiles.NAME.* */
#define L2TPSEC_PROFILE_CONNECTION "connection"
#define L2TPSEC_PROFILE_ESP "esp_proposals"
#define L2TPSEC_PROFILE_MODE "mode"
#define L2TPSEC_PROFILE_CRYPTO_MAP "crypto_map"
#define L2TPSEC_PROFILE_SEQUENCE "sequence"
#define L2TPSEC_PROFILE_TRANSFORM_SETS "transform_sets"
#define L2TPSEC_PROFILE_LIFETIME_S "lifetime_seconds"
#define L2TPSEC_PROFILE_LIFETIME_KB "lifetime_kilobytes"
#define L2TPSEC_PROFILE_PFS "pfs"
#define L2TPSEC_PROFILE_PFS_GROUP "pfs_group"
#define L2TPSEC_PROFILE_KEEP_SA "keep_sa"
#define L2TPSEC_PROFILE_REKEY "rekey"

/* pppd options file */
#define L2TPSEC_PPPD_PLUGIN "l2tpsec.so"
#define L2TPSEC_PPPD_LCP "l2tpsec-lcp-renegotiation"
#define L2TPSEC_PPPD_FORCE_LOCAL_CHAP "l2tpsec-force-local-chap"
#define L2TPSEC_PPPD_NO_PROXY_AUTH "l2tpsec-no-proxy-auth"
/* IOS "aaa authentication ppp ... group radius local": local secrets when RADIUS is silent */
#define L2TPSEC_PPPD_AAA_LOCAL "l2tpsec-aaa-local-fallback"
/* no "aaa accounting network ... group radius": radius.so sends no accounting records */
#define L2TPSEC_PPPD_AAA_NO_ACCT "l2tpsec-aaa-no-accounting"
/* RADIUS Framed-Pool: the pools file (ppp/radius/pools, "NAME FIRST LAST" per IOS ip local pool
 * range) the LNS's pppd takes the named pool's addresses from */
#define L2TPSEC_PPPD_AAA_POOLS "l2tpsec-aaa-pools"
#define L2TPSEC_PPPD_DIALIN "l2tpsec-dialin"			/* DOMAIN:LAC, repeatable */
#define L2TPSEC_PPPD_DIALIN_TIMEOUT "l2tpsec-dialin-timeout"
#define L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS "l2tpsec-dialin-refuse-others"
/* IOS aaa authorization network … group radius on a LAC: the tunnels of a domain no
 * request-dialin group serves come from RADIUS (RFC 2868); FILE holds the servers (0600) */
#define L2TPSEC_PPPD_DIALIN_AAA "l2tpsec-dialin-aaa"
/* the translator's [lac] for RADIUS's tunnels (IOS's global vpdn-template) */
#define L2TPSEC_AAA_TEMPLATE "vpdn-template"
/* the switch socket's requests: a [lac] section's session, or one of a run-time [lac] made from
 * TEMPLATE for a domain's RADIUS tunnels (lines up to L2TPSEC_SWITCH_END, then proxy data) */
#define L2TPSEC_SWITCH_DIAL "dial"
#define L2TPSEC_SWITCH_DIAL_AAA "dial-aaa"
#define L2TPSEC_SWITCH_END "end"

/* proxy LCP/authentication between xl2tpd and pppd: 0600 files in root-only directories */
#ifndef L2TPSEC_RUN_DIR
#define L2TPSEC_RUN_DIR "/run/l2tpsec"	/* (the fuzz target points it elsewhere) */
#endif
#define L2TPSEC_PROXY_DIR L2TPSEC_RUN_DIR "/proxy"		/* LNS: call-TID-CID, read by pppd */
/* LAC: the patched xl2tpd's socket for switched sessions (l2tpsec_switch.h says how) */
#define L2TPSEC_SWITCH_SOCKET L2TPSEC_RUN_DIR "/switch.sock"
#define L2TPSEC_POOL_DIR L2TPSEC_RUN_DIR "/pool"	/* LNS: Framed-Pool claims, POOL/ADDR */
/* the patched xl2tpd's control socket unless its [global] says otherwise */
#define L2TPSEC_XL2TPD_CONTROL_SOCKET L2TPSEC_RUN_DIR "/xl2tpd.sock"
#define L2TPSEC_PROXY_ENV "L2TPSEC_PROXY"	/* the LNS pppd's file, set by xl2tpd */

/* IOS "lcp renegotiation": off (the IOS default: take the LAC's proxy LCP), always, on-mismatch */
enum l2tpsec_lcp { L2TPSEC_LCP_OFF, L2TPSEC_LCP_ALWAYS, L2TPSEC_LCP_ON_MISMATCH };
#define L2TPSEC_LCP_CHOICES "off, always or on-mismatch"

/* "off", "always", "on-mismatch" */
const char *l2tpsec_lcp_name(enum l2tpsec_lcp lcp);

/* case-insensitive; 0, or -1 when name is none of them */
int l2tpsec_lcp_parse(const char *name, enum l2tpsec_lcp *lcp);

/*
 * The one yes/no parser: yes/true/1 and no/false/0, case-insensitive (strongSwan's own settings
 * parser accepts either case too). 0 with *out set, or -1.
 */
int l2tpsec_yes_no(const char *value, int *out);

#endif
