/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_nft.h"

#include <nftables/libnftables.h>

#include <daemon.h>
#include <threading/mutex.h>

typedef struct private_l2tp_security_nft_t private_l2tp_security_nft_t;

/**
 * Private data of an l2tp_security_nft_t object.
 */
struct private_l2tp_security_nft_t {

	/**
	 * Public interface.
	 */
	l2tp_security_nft_t public;

	/**
	 * libnftables context (not thread-safe on its own)
	 */
	struct nft_ctx *ctx;

	/**
	 * Guards ctx
	 */
	mutex_t *mutex;
};

METHOD(l2tp_security_nft_t, run, bool,
	private_l2tp_security_nft_t *this, char *commands)
{
	const char *err;
	char *line;
	int rc;

	this->mutex->lock(this->mutex);
	rc = nft_run_cmd_from_buffer(this->ctx, commands);
	err = nft_ctx_get_error_buffer(this->ctx);
	if (rc)
	{
		/* nft's message names the command; the commands hold no secrets */
		line = strdupnull(err);
		for (char *pos = line; pos && *pos; pos++)
		{
			*pos = *pos == '\n' ? ' ' : *pos;
		}
		DBG1(DBG_CFG, "l2tp-security: nftables refused: %s", line ?: "(no reason given)");
		free(line);
	}
	this->mutex->unlock(this->mutex);
	return rc == 0;
}

METHOD(l2tp_security_nft_t, destroy, void,
	private_l2tp_security_nft_t *this)
{
	nft_ctx_free(this->ctx);
	this->mutex->destroy(this->mutex);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_nft_t *l2tp_security_nft_create()
{
	private_l2tp_security_nft_t *this;
	struct nft_ctx *ctx;

	ctx = nft_ctx_new(NFT_CTX_DEFAULT);
	if (!ctx)
	{
		DBG1(DBG_CFG, "l2tp-security: cannot use nftables (libnftables context failed)");
		return NULL;
	}
	/* errors into a buffer we log, output (none asked for) nowhere */
	if (nft_ctx_buffer_error(ctx) || nft_ctx_buffer_output(ctx))
	{
		nft_ctx_free(ctx);
		return NULL;
	}
	INIT(this,
		.public = {
			.run = _run,
			.destroy = _destroy,
		},
		.ctx = ctx,
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
