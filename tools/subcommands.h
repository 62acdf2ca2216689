/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#ifndef L2TPSEC_SUBCOMMANDS_H
#define L2TPSEC_SUBCOMMANDS_H

int version_main(int argc, char **argv);
int translate_main(int argc, char **argv);
int check_main(int argc, char **argv);
int apply_main(int argc, char **argv);
int show_main(int argc, char **argv);
int clear_main(int argc, char **argv);
int debug_main(int argc, char **argv);
int undebug_main(int argc, char **argv);
int crypto_socket_main(int argc, char **argv);

#endif
