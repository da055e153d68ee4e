/* unsynced-fs: file data that is not durable yet.
 *
 * BACKING always holds what the processes wrote (reads go straight to it). For each file the layer keeps the
 * byte ranges whose durable content differs, with that content: saved to an unnamed spill file, known to be
 * zeros, or "beyond the durable size". A power cut writes those back; a clean stop forgets them. */
#include "layer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/falloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUCKETS 4096
#define CHUNK (256 * 1024)
#define SEGMENT_ROTATE_BYTES (64L << 20)

struct segment {
    int fd;
    off_t len, live; /* bytes appended, bytes still referenced */
};

static struct node *buckets[BUCKETS];
static struct segment *current_segment;
static char chunk[CHUNK]; /* the lock is held: one buffer is enough */

/* ---- spill segments: saved durable bytes, on disk so that memory stays small ---- */

static struct segment *segment_new(void) {
    int fd = openat(layer.state_fd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return NULL;
    struct segment *s = calloc(1, sizeof *s);
    if (!s) { close(fd); return NULL; }
    s->fd = fd;
    return s;
}

static void segment_release(struct segment *s, off_t bytes) {
    s->live -= bytes;
    if (s->live > 0) return;
    if (s == current_segment) {
        if (ftruncate(s->fd, 0) == 0) s->len = 0;
        return;
    }
    close(s->fd);
    free(s);
}

static int write_full(int fd, const char *buf, size_t len, off_t off) {
    while (len > 0) {
        ssize_t w = pwrite(fd, buf, len, off);
        if (w < 0) { if (errno == EINTR) continue; return -errno; }
        buf += w; len -= (size_t) w; off += w;
    }
    return 0;
}

static int spill(const char *buf, size_t len, struct segment **seg, off_t *off) {
    if (!current_segment || current_segment->len >= SEGMENT_ROTATE_BYTES) {
        struct segment *old = current_segment, *fresh = segment_new();
        if (!fresh) return -errno;
        current_segment = fresh;
        if (old && old->live == 0) { close(old->fd); free(old); }
    }
    int r = write_full(current_segment->fd, buf, len, current_segment->len);
    if (r) return r;
    *seg = current_segment;
    *off = current_segment->len;
    current_segment->len += (off_t) len;
    current_segment->live += (off_t) len;
    return 0;
}

/* ---- the sorted extent array of a node ---- */

static void extent_drop(struct extent *e) {
    if (e->kind == UNDO_SAVED) segment_release(e->seg, e->end - e->start);
}

static size_t find(const struct node *n, off_t pos) { /* first extent ending after pos */
    size_t lo = 0, hi = n->next;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (n->ext[mid].end <= pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static bool joinable(const struct extent *l, const struct extent *r) {
    if (l->end != r->start || l->kind != r->kind || l->pinned != r->pinned) return false;
    return l->kind != UNDO_SAVED || (l->seg == r->seg && l->spill_off + (l->end - l->start) == r->spill_off);
}

static int reserve(struct node *n) {
    if (n->next < n->cap) return 0;
    size_t cap = n->cap ? n->cap * 2 : 8;
    struct extent *e = realloc(n->ext, cap * sizeof *e);
    if (!e) return -ENOMEM;
    n->ext = e;
    n->cap = cap;
    return 0;
}

static void remove_at(struct node *n, size_t i) {
    memmove(&n->ext[i], &n->ext[i + 1], (n->next - i - 1) * sizeof *n->ext);
    n->next--;
}

static int insert(struct node *n, struct extent e) { /* e lies in a gap */
    size_t i = find(n, e.start);
    if (i > 0 && joinable(&n->ext[i - 1], &e)) {
        n->ext[--i].end = e.end;
    } else {
        if (reserve(n)) { extent_drop(&e); return -ENOMEM; }
        memmove(&n->ext[i + 1], &n->ext[i], (n->next - i) * sizeof e);
        n->ext[i] = e;
        n->next++;
    }
    if (i + 1 < n->next && joinable(&n->ext[i], &n->ext[i + 1])) {
        n->ext[i].end = n->ext[i + 1].end;
        remove_at(n, i + 1);
    }
    return 0;
}

static int split_at(struct node *n, off_t pos) { /* no extent crosses pos afterwards */
    size_t i = find(n, pos);
    if (i >= n->next || n->ext[i].start >= pos) return 0;
    if (reserve(n)) return -ENOMEM;
    struct extent right = n->ext[i];
    if (right.kind == UNDO_SAVED) right.spill_off += pos - right.start;
    right.start = pos;
    n->ext[i].end = pos;
    memmove(&n->ext[i + 2], &n->ext[i + 1], (n->next - i - 1) * sizeof right);
    n->ext[i + 1] = right;
    n->next++;
    return 0;
}

static void merge_all(struct node *n) {
    size_t w = 0;
    for (size_t r = 0; r < n->next; r++) {
        if (w > 0 && joinable(&n->ext[w - 1], &n->ext[r])) n->ext[w - 1].end = n->ext[r].end;
        else n->ext[w++] = n->ext[r];
    }
    n->next = w;
}

static bool has_unpinned(const struct node *n) {
    for (size_t i = 0; i < n->next; i++) if (!n->ext[i].pinned) return true;
    return false;
}

/* Remember the durable content of [s, e), a range that no extent covers yet. */
static int save_gap(struct node *n, off_t s, off_t e, bool pin) {
    off_t below = e < n->dsize ? e : (s > n->dsize ? s : n->dsize);
    for (off_t p = s; p < below;) {
        size_t len = (size_t) (below - p < CHUNK ? below - p : CHUNK);
        ssize_t got = pread(n->fd, chunk, len, p);
        if (got < 0) return -errno;
        memset(chunk + got, 0, len - (size_t) got); /* durable bytes past BACKING's end are zeros */
        struct extent x = {.start = p, .end = p + (off_t) len, .kind = UNDO_ZERO, .pinned = pin};
        if (chunk[0] != 0 || memcmp(chunk, chunk + 1, len - 1) != 0) {
            x.kind = UNDO_SAVED;
            int r = spill(chunk, len, &x.seg, &x.spill_off);
            if (r) return r;
        }
        int r = insert(n, x);
        if (r) return r;
        p += (off_t) len;
    }
    if (below < e) return insert(n, (struct extent){.start = below, .end = e, .kind = UNDO_HOLE, .pinned = pin});
    return 0;
}

/* Make every byte of [a, b) tracked; pin marks them as waiting for a size change's commit. */
static int cover(struct node *n, off_t a, off_t b, bool pin) {
    if (a >= b) return 0;
    int r;
    if (pin && ((r = split_at(n, a)) || (r = split_at(n, b)))) return r;
    off_t p = a;
    while (p < b) {
        size_t i = find(n, p);
        if (i < n->next && n->ext[i].start <= p) {
            if (pin) n->ext[i].pinned = true;
            p = n->ext[i].end;
            continue;
        }
        off_t gap_end = i < n->next && n->ext[i].start < b ? n->ext[i].start : b;
        if ((r = save_gap(n, p, gap_end, pin))) return r;
        p = gap_end;
    }
    return 0;
}

/* ---- nodes ---- */

struct node *node_find(ino_t ino) {
    for (struct node *n = buckets[ino % BUCKETS]; n; n = n->hash_next) if (n->ino == ino) return n;
    return NULL;
}

struct node *node_get(int fd, const char *name) {
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) return NULL;
    struct node *n = node_find(st.st_ino);
    if (n) { n->opens++; return n; }
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    int rw = open(self, O_RDWR | O_CLOEXEC);
    if (rw < 0 || !(n = calloc(1, sizeof *n))) {
        log_line("cannot track %s: %s", name ? name : "?", strerror(errno));
        if (rw >= 0) close(rw);
        return NULL;
    }
    n->ino = st.st_ino;
    n->fd = rw;
    n->name = strdup(name ? name : "(unlinked)");
    n->size = n->dsize = st.st_size; /* a file the layer has not seen changing is durable as it is */
    n->opens = 1;
    n->hash_next = buckets[n->ino % BUCKETS];
    buckets[n->ino % BUCKETS] = n;
    return n;
}

static void node_maybe_free(struct node *n) {
    if (n->opens || n->jrefs || n->next || n->da_alloc_close) return;
    for (struct node **p = &buckets[n->ino % BUCKETS]; *p; p = &(*p)->hash_next) {
        if (*p == n) { *p = n->hash_next; break; }
    }
    close(n->fd);
    free(n->ext);
    free(n->name);
    free(n);
}

void node_put(struct node *n) {
    n->opens--;
    node_maybe_free(n);
}

void node_drop_ref(struct node *n) {
    n->jrefs--;
    node_maybe_free(n);
}

/* The kernel wrote [a, b) back: it is durable, and so is the size it reaches, unless a size change that is
 * not committed yet holds it. */
void node_make_durable(struct node *n, off_t a, off_t b) {
    if (a >= b) return;
    if (split_at(n, a) || split_at(n, b)) return; /* out of memory: stays pending, which is only stricter */
    off_t reach = b < n->size ? b : n->size;
    size_t w = 0;
    for (size_t r = 0; r < n->next; r++) {
        struct extent *e = &n->ext[r];
        if (e->pinned && e->start < reach && e->end > n->dsize) reach = e->start > n->dsize ? e->start : n->dsize;
        if (!e->pinned && e->start >= a && e->end <= b) extent_drop(e);
        else n->ext[w++] = *e;
    }
    n->next = w;
    if (reach > n->dsize) n->dsize = reach;
    merge_all(n);
    if (!has_unpinned(n)) n->dirtied_at = 0;
}

int node_write(struct node *n, const void *buf, size_t len, off_t off, bool written_back) {
    off_t a = off < n->size ? off : n->size, b = off + (off_t) len;
    int r;
    if (!written_back && (r = cover(n, a, b, false))) return r;
    if ((r = write_full(n->fd, buf, len, off))) return r;
    if (b > n->size) n->size = b;
    n->written_epoch = layer.epoch;
    if (written_back) node_make_durable(n, a, b);
    else if (!n->dirtied_at) n->dirtied_at = now();
    return (int) len;
}

int node_zero_range(struct node *n, off_t a, off_t b) {
    int r = cover(n, a < n->size ? a : n->size, b, false);
    if (r) return r;
    if (!n->dirtied_at) n->dirtied_at = now();
    n->written_epoch = layer.epoch;
    return 0;
}

/* truncate, O_TRUNC, or a fallocate that extends: the new size is metadata, durable at the journal's commit.
 * Until then the bytes it cuts off or adds are pinned to their durable content. */
int node_set_size(struct node *n, off_t size, bool backing_done) {
    off_t old = n->size, from = size < old ? size : old;
    int r = size < old ? cover(n, size, old, true) : cover(n, old, size, true);
    if (r || (r = split_at(n, from))) return r;
    for (size_t i = 0; i < n->next; i++) if (n->ext[i].start >= from) n->ext[i].pinned = true;
    if (!backing_done && ftruncate(n->fd, size) < 0) return -errno;
    n->size = size;
    if (size == 0 && old > 0) n->da_alloc_close = true;
    n->written_epoch = layer.epoch;
    journal_add(R_SIZE, NULL, NULL, NULL, n, size, 0, 0, 0);
    return 0;
}

void node_commit_size(struct node *n, off_t size) {
    n->dsize = size;
    if (split_at(n, size)) return;
    size_t w = 0;
    for (size_t r = 0; r < n->next; r++) {
        struct extent e = n->ext[r];
        if (e.start >= size) {
            if (e.start >= n->size) { extent_drop(&e); continue; }
            if (e.end > n->size) { /* only the part still in the file stays tracked */
                struct extent gone = e;
                gone.start = n->size;
                extent_drop(&gone);
                e.end = n->size;
            }
            extent_drop(&e); /* written again after the cut-off: now beyond the durable size */
            e.kind = UNDO_HOLE;
        }
        n->ext[w++] = e;
    }
    n->next = w;
}

void node_unpin(struct node *n) {
    for (size_t i = 0; i < n->next; i++) n->ext[i].pinned = false;
    merge_all(n);
    if (n->next && !n->dirtied_at) n->dirtied_at = now();
    if (n->flush_at_commit) {
        n->flush_at_commit = false;
        node_make_durable(n, 0, END_OF_FILE);
    }
}

/* ext4 fsync: the file's data, then a journal commit if the inode changed in the running transaction (fsync: any
 * change, its mtime included; fdatasync: its size or its creation). The commit takes every metadata change. */
int node_sync_range(struct node *n, off_t a, off_t b, bool datasync) {
    bool changed = n->jrefs > 0 || (!datasync && n->written_epoch == layer.epoch) || n->size > n->dsize;
    if (changed && !journal_empty()) journal_commit(datasync ? "fdatasync" : "fsync");
    node_make_durable(n, a, b);
    return 0;
}

/* ext4 auto_da_alloc: closing a file that was truncated to 0 starts writing its data back; what the truncation
 * still pins becomes durable with the commit that takes the truncation. */
void node_close(struct node *n) {
    if (n->da_alloc_close) {
        n->da_alloc_close = false;
        node_make_durable(n, 0, END_OF_FILE);
        if (n->next) n->flush_at_commit = true;
    }
    node_put(n);
}

void nodes_expire(double t) {
    for (size_t b = 0; b < BUCKETS; b++) {
        for (struct node *n = buckets[b], *next; n; n = next) {
            next = n->hash_next;
            if (n->dirtied_at && t - n->dirtied_at >= layer.expire_seconds) {
                node_make_durable(n, 0, END_OF_FILE);
                log_line("writeback: %s (dirty for %.1f s)", n->name, layer.expire_seconds);
            }
            node_maybe_free(n);
        }
    }
}

static void restore_zeros(int fd, off_t s, off_t e) {
    if (fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, s, e - s) == 0) return;
    memset(chunk, 0, CHUNK);
    for (off_t p = s; p < e; p += CHUNK) write_full(fd, chunk, (size_t) (e - p < CHUNK ? e - p : CHUNK), p);
}

static void restore_saved(int fd, const struct extent *x, off_t e) {
    for (off_t p = x->start; p < e; p += CHUNK) {
        size_t len = (size_t) (e - p < CHUNK ? e - p : CHUNK);
        ssize_t got = pread(x->seg->fd, chunk, len, x->spill_off + (p - x->start));
        if (got > 0) write_full(fd, chunk, (size_t) got, p);
    }
}

static off_t reverted_bytes(const struct node *n) {
    off_t bytes = 0, top = n->size > n->dsize ? n->size : n->dsize;
    for (size_t i = 0; i < n->next; i++) {
        off_t e = n->ext[i].end < top ? n->ext[i].end : top;
        if (e > n->ext[i].start) bytes += e - n->ext[i].start;
    }
    return bytes;
}

void nodes_restore(struct totals *lost) {
    for (size_t b = 0; b < BUCKETS; b++) {
        for (struct node *n = buckets[b]; n; n = n->hash_next) {
            if (!n->next && n->size == n->dsize) continue;
            off_t bytes = reverted_bytes(n);
            lost->files++;
            lost->bytes += (unsigned long) bytes;
            log_line("cut: %s: size %lld -> %lld, %lld bytes reverted", n->name, (long long) n->size,
                     (long long) n->dsize, (long long) bytes);
            if (ftruncate(n->fd, n->dsize) < 0) log_line("cut: %s: truncate: %s", n->name, strerror(errno));
            for (size_t i = 0; i < n->next; i++) {
                const struct extent *x = &n->ext[i];
                off_t e = x->end < n->dsize ? x->end : n->dsize;
                if (x->start >= e) continue;
                if (x->kind == UNDO_SAVED) restore_saved(n->fd, x, e);
                else restore_zeros(n->fd, x->start, e);
            }
        }
    }
}

void nodes_forget(struct totals *kept) {
    for (size_t b = 0; b < BUCKETS; b++) {
        for (struct node *n = buckets[b]; n; n = n->hash_next) {
            if (!n->next && n->size == n->dsize) continue;
            kept->files++;
            kept->bytes += (unsigned long) reverted_bytes(n);
        }
    }
}
