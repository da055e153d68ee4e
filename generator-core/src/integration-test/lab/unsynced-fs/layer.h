/* unsynced-fs: shared state of the layer. Every function declared here runs with layer.lock held. */
#ifndef UNSYNCED_FS_LAYER_H
#define UNSYNCED_FS_LAYER_H

#define _GNU_SOURCE
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define STATE_DIR ".unsynced-fs" /* in BACKING, hidden from the mount: trash and spill files */

/* What BACKING held, before a write that is not durable yet, in the bytes [start, end) of a file. */
enum undo_kind {
    UNDO_HOLE,  /* beyond the durable size: nothing (zeros if the durable size later grows over it) */
    UNDO_ZERO,  /* durable zeros */
    UNDO_SAVED, /* durable bytes, copied to a spill segment */
};

struct segment; /* an unnamed spill file in STATE_DIR */

struct extent {
    off_t start, end;
    uint8_t kind;
    bool pinned; /* under a size change not committed yet: neither writeback nor fsync data makes it durable */
    struct segment *seg;
    off_t spill_off;
};

/* A regular file of BACKING that the layer tracks, by inode. */
struct node {
    ino_t ino;
    int fd;              /* read-write on the backing file, kept while the node lives */
    char *name;          /* its path when first seen, for the log */
    off_t size, dsize;   /* current size, durable size */
    struct extent *ext;  /* sorted, disjoint: every byte whose durable content differs from BACKING */
    size_t next, cap;
    double dirtied_at;   /* when it last went from clean to dirty (0: clean); the kernel's inode->dirtied_when */
    unsigned opens, jrefs;
    bool da_alloc_close; /* ext4 auto_da_alloc: truncated to 0, so its data is written back at close */
    bool flush_at_commit; /* closed after that, but the truncation is not committed yet */
    unsigned long written_epoch; /* journal epoch of its last write (its mtime changed then) */
    struct node *hash_next;
};

enum phase { RUNNING, CUT, CLEAN };

struct totals { unsigned long files, bytes, ops; char ops_by_kind[200]; };

struct layer {
    pthread_mutex_t lock;
    int backing_fd, state_fd;
    double expire_seconds, commit_seconds;
    FILE *log;
    enum phase phase;
    double started;
    unsigned long epoch; /* journal commits so far + 1 */
};
extern struct layer layer;

double now(void);
void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* pending.c: data not durable yet, per file */
struct node *node_get(int fd, const char *name);     /* fd: an open backing file; NULL if not a regular file */
void node_put(struct node *n);
void node_drop_ref(struct node *n); /* a journal record let go of it */
void node_close(struct node *n);    /* a process closed it: auto_da_alloc, then node_put */
struct node *node_find(ino_t ino);
int node_write(struct node *n, const void *buf, size_t len, off_t off, bool written_back);
void node_make_durable(struct node *n, off_t a, off_t b); /* data writeback of [a, b) */
int node_set_size(struct node *n, off_t size, bool keep_data); /* truncate or fallocate extension, journaled */
int node_zero_range(struct node *n, off_t a, off_t b);       /* punch hole / zero range: like a write of zeros */
void node_commit_size(struct node *n, off_t size);           /* the journal committed a size change */
int node_sync_range(struct node *n, off_t a, off_t b, bool datasync); /* fsync, fdatasync, O_SYNC, O_DSYNC */
void node_unpin(struct node *n);                             /* after a commit: nothing waits for one */
void nodes_expire(double t);
void nodes_restore(struct totals *lost);   /* power cut: BACKING's files back to their durable content */
void nodes_forget(struct totals *kept);    /* clean stop: everything is durable */
#define END_OF_FILE ((off_t) 0x7fffffffffffffffLL)

/* journal.c: metadata operations not committed yet, in order */
enum record_kind { R_CREATE, R_MKDIR, R_LINK, R_UNLINK, R_RMDIR, R_RENAME, R_EXCHANGE, R_CHMOD, R_CHOWN, R_SIZE };
int journal_trash(const char *rel, bool link_only, char trash[32]); /* move (or link) a name into the trash */
void journal_add(enum record_kind kind, const char *path, const char *path2, const char *trash, struct node *n,
                 off_t size, mode_t mode, uid_t uid, gid_t gid);
bool journal_empty(void);
double journal_oldest(void);
void journal_commit(const char *why);
void journal_undo(struct totals *lost);
unsigned long journal_length(void);

#endif
