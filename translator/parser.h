/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar: lexed lines → the model. IOS configuration modes nest (global → vpdn-group →
 * accept-dialin …); a command not valid in the current mode falls back to the enclosing mode,
 * as the IOS CLI does, so unusual indentation (the seed's own `ip pmtu`) parses as IOS would.
 */
#ifndef L2TPSEC_PARSER_H
#define L2TPSEC_PARSER_H

#include "diag.h"
#include "lexer.h"
#include "model.h"

/* Fill cfg from lx, reporting every problem to d. Returns 0, or -1 when out of memory. */
int parse_config(struct lex *lx, struct ios_config *cfg, struct diag *d);

/* Decode a Cisco type 7 password into out (size outlen). Returns 0, or -1 if malformed. */
int ios_type7_decode(const char *enc, char *out, size_t outlen);

#endif
