/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Dynamic crypto maps, IOS's recipe for serving clients whose addresses are not known in
 * advance (the built-in Windows, macOS and Android clients): `crypto dynamic-map D SEQ` entries
 * referenced by `crypto map M SEQ ipsec-isakmp dynamic D` on an interface. Each such reference
 * becomes a crypto profile named D (any peer, answering only), with D's transform sets,
 * lifetime and PFS, and protects the dial-in vpdn-groups that name no crypto profile and no
 * LAC host: the groups IOS would serve under the dynamic map, and also, without it, in
 * plaintext. l2tpsec serves them only under IPsec.
 */
#ifndef L2TPSEC_DYNAMIC_H
#define L2TPSEC_DYNAMIC_H

#include "diag.h"
#include "model.h"

/* before the other checks: they then see the profiles and protected groups it made */
void resolve_dynamic_maps(struct ios_config *cfg, struct diag *d);

#endif
