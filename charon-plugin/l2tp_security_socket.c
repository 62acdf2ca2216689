/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* accept4, SO_PEERCRED, memrchr */
#endif

#include "l2tp_security_socket.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <daemon.h>
#include <collections/hashtable.h>
#include <collections/linked_list.h>
#include <processing/jobs/callback_job.h>
#include <threading/mutex.h>

typedef struct private_l2tp_security_socket_t private_l2tp_security_socket_t;

/**
 * Private data of an l2tp_security_socket_t object.
 */
struct private_l2tp_security_socket_t {

	/**
	 * Public interface.
	 */
	l2tp_security_socket_t public;

	/**
	 * Listening socket
	 */
	int fd;

	/**
	 * Socket path
	 */
	char *path;

	/**
	 * Request and disconnect callbacks, and their data
	 */
	l2tp_security_request_cb_t request;
	l2tp_security_gone_cb_t gone;
	void *data;

	/**
	 * Connected clients by number (client_t*)
	 */
	hashtable_t *clients;

	/**
	 * Number for the next client
	 */
	u_int next;

	/**
	 * Guards clients and every client's output queue
	 */
	mutex_t *mutex;
};

/**
 * One connected client
 */
typedef struct {
	/** Client number (hashtable key points here) */
	u_int id;
	/** Connected socket, non-blocking */
	int fd;
	/** Bytes received, not yet a whole frame */
	uint8_t in[CS_MAX_FRAME];
	size_t inlen;
	/** Output queue: out[off..len) still to be written */
	uint8_t *out;
	size_t off, len, size;
	/** A write watch is registered */
	bool writing;
	/** Going away: no more output is queued */
	bool dead;
	/** Requests not handled yet (struct cs_msg*), in order */
	linked_list_t *requests;
	/** A job is handling this client's requests */
	bool busy;
	/** The client is gone: forget it once its requests are handled */
	bool eof;
	/** Back pointer for watcher callbacks */
	private_l2tp_security_socket_t *socket;
} client_t;

static u_int hash_id(const void *key)
{
	return chunk_hash(chunk_from_thing(*(u_int*)key));
}

static bool equals_id(const void *a, const void *b)
{
	return *(u_int*)a == *(u_int*)b;
}

/**
 * Write what the kernel takes now. Returns FALSE if the connection is broken.
 */
static bool flush(client_t *client)
{
	ssize_t n;

	while (client->off < client->len)
	{
		n = send(client->fd, client->out + client->off, client->len - client->off,
				 MSG_DONTWAIT | MSG_NOSIGNAL);
		if (n < 0)
		{
			if (errno == EINTR)
			{
				continue;
			}
			return errno == EAGAIN || errno == EWOULDBLOCK;
		}
		client->off += n;
	}
	client->off = client->len = 0;
	return TRUE;
}

/**
 * Stop talking to a client that misbehaves; its reader sees EOF and disconnects it
 */
static void kill_client(client_t *client)
{
	client->dead = TRUE;
	shutdown(client->fd, SHUT_RDWR);
}

/**
 * Watcher callback: the client's socket is writable again
 */
static bool on_write(client_t *client, int fd, watcher_event_t event)
{
	private_l2tp_security_socket_t *this = client->socket;
	bool keep = FALSE;

	this->mutex->lock(this->mutex);
	if (!flush(client))
	{
		kill_client(client);
	}
	else if (client->len)
	{
		keep = TRUE;
	}
	client->writing = keep;
	this->mutex->unlock(this->mutex);
	return keep;
}

/**
 * Append a frame to a client's queue and write what can be written (mutex held)
 */
static bool queue(private_l2tp_security_socket_t *this, client_t *client, uint8_t *frame,
				  size_t len)
{
	if (client->dead)
	{
		return FALSE;
	}
	if (client->len - client->off + len > L2TP_SECURITY_SOCKET_MAX_QUEUE)
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket client %u stopped reading, "
			 "disconnecting it", client->id);
		kill_client(client);
		return FALSE;
	}
	if (client->off && client->len + len > client->size)
	{	/* reclaim what was written before growing */
		memmove(client->out, client->out + client->off, client->len - client->off);
		client->len -= client->off;
		client->off = 0;
	}
	if (client->len + len > client->size)
	{
		client->size = max(client->len + len, client->size * 2);
		client->out = realloc(client->out, client->size);
	}
	memcpy(client->out + client->len, frame, len);
	client->len += len;
	if (client->writing)
	{
		return TRUE;
	}
	if (!flush(client))
	{
		kill_client(client);
		return FALSE;
	}
	if (client->len)
	{
		client->writing = TRUE;
		lib->watcher->add(lib->watcher, client->fd, WATCHER_WRITE,
						  (watcher_cb_t)on_write, client);
	}
	return TRUE;
}

/**
 * Free a client (after it left the table)
 */
static void client_destroy(client_t *client)
{
	lib->watcher->remove(lib->watcher, client->fd);
	close(client->fd);
	client->requests->destroy_function(client->requests, free);
	free(client->out);
	free(client);
}

/**
 * Job data: handle a client's requests
 */
typedef struct {
	private_l2tp_security_socket_t *this;
	u_int id;
} drain_t;

/**
 * Job: hand a client's requests to the request callback one by one, in order, off the
 * watcher thread (it creates SAs and renders show output); when the client is gone and its
 * last request is handled, forget it and say so
 */
static job_requeue_t drain(drain_t *job)
{
	private_l2tp_security_socket_t *this = job->this;
	struct cs_msg *msg;
	client_t *client;

	while (TRUE)
	{
		this->mutex->lock(this->mutex);
		client = this->clients->get(this->clients, &job->id);
		if (!client)
		{
			this->mutex->unlock(this->mutex);
			return JOB_REQUEUE_NONE;
		}
		if (client->requests->remove_first(client->requests, (void**)&msg) == SUCCESS)
		{
			this->mutex->unlock(this->mutex);
			this->request(this->data, job->id, msg);
			free(msg);
			continue;
		}
		if (!client->eof)
		{
			client->busy = FALSE;
			this->mutex->unlock(this->mutex);
			return JOB_REQUEUE_NONE;
		}
		this->clients->remove(this->clients, &job->id);
		this->mutex->unlock(this->mutex);
		client_destroy(client);
		DBG1(DBG_CFG, "l2tp-security: crypto socket client %u disconnected", job->id);
		this->gone(this->data, job->id);
		return JOB_REQUEUE_NONE;
	}
}

/**
 * Make sure a job handles the client's requests (mutex held)
 */
static void schedule_drain(private_l2tp_security_socket_t *this, client_t *client)
{
	drain_t *job;

	if (client->busy)
	{
		return;
	}
	client->busy = TRUE;
	INIT(job,
		.this = this,
		.id = client->id,
	);
	lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)drain, job, free, NULL));
}

/**
 * Watcher callback: bytes (or EOF) from a client
 */
static bool on_read(client_t *client, int fd, watcher_event_t event)
{
	private_l2tp_security_socket_t *this = client->socket;
	const char *why = NULL;
	struct cs_msg *msg;
	ssize_t n;
	int used;

	msg = malloc(sizeof(*msg));
	while (!why)
	{
		n = recv(fd, client->in + client->inlen, sizeof(client->in) - client->inlen,
				 MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
		{
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		{
			free(msg);
			return TRUE;
		}
		if (n <= 0)
		{
			why = n ? strerror(errno) : "closed";
			break;
		}
		client->inlen += n;
		while (!why && (used = cs_decode(client->in, client->inlen, msg, &why)) > 0)
		{
			client->inlen -= used;
			memmove(client->in, client->in + used, client->inlen);
			if (msg->type >= CS_OK)
			{
				why = "a reply or event where a request belongs";
				break;
			}
			this->mutex->lock(this->mutex);
			if (client->requests->get_count(client->requests) >=
				L2TP_SECURITY_SOCKET_MAX_REQUESTS)
			{
				why = "too many requests without waiting for the answers";
			}
			else
			{
				client->requests->insert_last(client->requests, msg);
				schedule_drain(this, client);
				msg = malloc(sizeof(*msg));
			}
			this->mutex->unlock(this->mutex);
		}
	}
	free(msg);
	if (!streq(why, "closed"))
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket client %u dropped: %s", client->id,
			 why);
	}
	this->mutex->lock(this->mutex);
	client->dead = TRUE;
	client->eof = TRUE;
	schedule_drain(this, client);
	this->mutex->unlock(this->mutex);
	return FALSE;
}

/**
 * Only root (or charon's own user) may drive IPsec for L2TP
 */
static bool peer_allowed(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
	{
		return FALSE;
	}
	return cred.uid == 0 || cred.uid == lib->caps->get_uid(lib->caps);
}

/**
 * Watcher callback: a client connects
 */
static bool on_accept(private_l2tp_security_socket_t *this, int fd, watcher_event_t event)
{
	client_t *client;
	int cfd;

	cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (cfd < 0)
	{
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
		{
			DBG1(DBG_CFG, "l2tp-security: crypto socket accept failed: %s",
				 strerror(errno));
		}
		return TRUE;
	}
	if (!peer_allowed(cfd))
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket refused a client that is not root");
		close(cfd);
		return TRUE;
	}
	INIT(client,
		.fd = cfd,
		.socket = this,
		.requests = linked_list_create(),
	);
	this->mutex->lock(this->mutex);
	client->id = ++this->next;
	this->clients->put(this->clients, &client->id, client);
	this->mutex->unlock(this->mutex);
	DBG2(DBG_CFG, "l2tp-security: crypto socket client %u connected", client->id);
	lib->watcher->add(lib->watcher, cfd, WATCHER_READ, (watcher_cb_t)on_read, client);
	return TRUE;
}

METHOD(l2tp_security_socket_t, send_, bool,
	private_l2tp_security_socket_t *this, u_int id, struct cs_msg *msg)
{
	uint8_t frame[CS_MAX_FRAME];
	client_t *client;
	bool ok = FALSE;
	int len;

	len = cs_encode(msg, frame, sizeof(frame));
	if (len < 0)
	{
		DBG1(DBG_CFG, "l2tp-security: cannot encode %s for client %u",
			 cs_type_name(msg->type), id);
		return FALSE;
	}
	this->mutex->lock(this->mutex);
	client = this->clients->get(this->clients, &id);
	if (client)
	{
		ok = queue(this, client, frame, len);
	}
	this->mutex->unlock(this->mutex);
	return ok;
}

METHOD(l2tp_security_socket_t, broadcast, void,
	private_l2tp_security_socket_t *this, struct cs_msg *msg)
{
	uint8_t frame[CS_MAX_FRAME];
	enumerator_t *enumerator;
	client_t *client;
	int len;

	len = cs_encode(msg, frame, sizeof(frame));
	if (len < 0)
	{
		return;
	}
	this->mutex->lock(this->mutex);
	enumerator = this->clients->create_enumerator(this->clients);
	while (enumerator->enumerate(enumerator, NULL, &client))
	{
		queue(this, client, frame, len);
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_socket_t, destroy, void,
	private_l2tp_security_socket_t *this)
{
	enumerator_t *enumerator;
	client_t *client;

	lib->watcher->remove(lib->watcher, this->fd);
	close(this->fd);
	unlink(this->path);
	this->mutex->lock(this->mutex);
	enumerator = this->clients->create_enumerator(this->clients);
	while (enumerator->enumerate(enumerator, NULL, &client))
	{
		this->clients->remove_at(this->clients, enumerator);
		flush(client);	/* last words (CLOSED), if the client takes them now */
		this->mutex->unlock(this->mutex);
		client_destroy(client);
		this->mutex->lock(this->mutex);
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	this->clients->destroy(this->clients);
	this->mutex->destroy(this->mutex);
	free(this->path);
	free(this);
}

/**
 * Bind and listen on path, root-only. Returns the socket or -1 (logged).
 */
static int serve(char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	char *dir;
	mode_t old;
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path))
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket path %s is too long", path);
		return -1;
	}
	strcpy(addr.sun_path, path);
	dir = path_dirname(path);
	if (!mkdir_p(dir, 0750))
	{
		DBG1(DBG_CFG, "l2tp-security: cannot create %s: %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket: %s", strerror(errno));
		return -1;
	}
	unlink(path);
	old = umask(0177);
	if (bind(fd, (struct sockaddr*)&addr, sizeof(addr)) != 0)
	{
		umask(old);
		DBG1(DBG_CFG, "l2tp-security: cannot bind crypto socket %s: %s", path,
			 strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	if (listen(fd, 32) != 0)
	{
		DBG1(DBG_CFG, "l2tp-security: cannot listen on crypto socket %s: %s", path,
			 strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	return fd;
}

/*
 * Described in header
 */
l2tp_security_socket_t *l2tp_security_socket_create(char *path,
						l2tp_security_request_cb_t request, l2tp_security_gone_cb_t gone,
						void *data)
{
	private_l2tp_security_socket_t *this;
	int fd;

	fd = serve(path);
	if (fd < 0)
	{
		return NULL;
	}
	INIT(this,
		.public = {
			.send = _send_,
			.broadcast = _broadcast,
			.destroy = _destroy,
		},
		.fd = fd,
		.path = strdup(path),
		.request = request,
		.gone = gone,
		.data = data,
		.clients = hashtable_create(hash_id, equals_id, 8),
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	lib->watcher->add(lib->watcher, fd, WATCHER_READ, (watcher_cb_t)on_accept, this);
	return &this->public;
}
