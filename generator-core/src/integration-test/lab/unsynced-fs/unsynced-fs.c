/* unsynced-fs BACKING MOUNTPOINT [--expire-seconds 30] [--commit-seconds 5] [--log FILE]
 *
 * A pass-through FUSE filesystem over BACKING that knows what a power cut would lose: SIGUSR1 puts BACKING back
 * to what was durable (as ext4 data=ordered would have it), unmounts and exits 0; SIGTERM makes everything
 * durable, unmounts and exits 0. README.md beside this file has the model and what it leaves out. */
#define FUSE_USE_VERSION 35
#include "layer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <linux/falloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

struct layer layer = {.lock = PTHREAD_MUTEX_INITIALIZER, .expire_seconds = 30, .commit_seconds = 5, .epoch = 1};
static char *backing_path, *mount_path;

struct handle {
    int fd;
    struct node *node; /* NULL: not a regular file, or not trackable */
    bool sync, dsync;  /* opened O_SYNC / O_DSYNC */
};
struct dir_handle {
    DIR *dir;
    bool root;
};
#define O_SYNC_ONLY (O_SYNC & ~O_DSYNC) /* Linux: O_SYNC is O_DSYNC plus this bit */
#define HANDLE(fi) ((struct handle *) (uintptr_t) (fi)->fh)

double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void log_line(const char *fmt, ...) {
    if (!layer.log) return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(layer.log, "%9.3f ", now() - layer.started);
    vfprintf(layer.log, fmt, ap);
    fputc('\n', layer.log);
    va_end(ap);
}

static const char *rel(const char *path) { return path[1] ? path + 1 : "."; }

static bool hidden(const char *path) {
    static const char state[] = "/" STATE_DIR;
    return path && strncmp(path, state, sizeof state - 1) == 0 && (path[sizeof state - 1] == 0 || path[sizeof state - 1] == '/');
}

/* Operations that change BACKING hold the lock; after a cut nothing may change it any more. */
static int begin(void) {
    pthread_mutex_lock(&layer.lock);
    if (layer.phase != CUT) return 0;
    pthread_mutex_unlock(&layer.lock);
    return -EIO;
}
static int end(int r) {
    pthread_mutex_unlock(&layer.lock);
    return r;
}
static bool tracking(void) { return layer.phase == RUNNING; }
static int sys(int rc) { return rc < 0 ? -errno : 0; }

/* The layer runs as root; what a process creates belongs to it (group: a set-group-ID parent's, as the kernel
 * already gave). */
static void give_to_caller(const char *r, int fd) {
    struct fuse_context *c = fuse_get_context();
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", r);
    char *slash = strrchr(parent, '/');
    if (slash) *slash = 0; else snprintf(parent, sizeof parent, ".");
    struct stat st;
    gid_t gid = fstatat(layer.backing_fd, parent, &st, 0) == 0 && (st.st_mode & S_ISGID) ? (gid_t) -1 : c->gid;
    if (fd >= 0) (void) !fchown(fd, c->uid, gid);
    else (void) !fchownat(layer.backing_fd, r, c->uid, gid, AT_SYMLINK_NOFOLLOW);
}

static void *op_init(struct fuse_conn_info *conn, struct fuse_config *cfg) {
    conn->want &= ~FUSE_CAP_WRITEBACK_CACHE; /* write() reaches the layer when the process calls it */
    cfg->use_ino = 1;
    cfg->nullpath_ok = 1;
    cfg->hard_remove = 1; /* no .fuse_hidden files: the layer keeps unlinked files open itself */
    cfg->entry_timeout = cfg->attr_timeout = 1.0;
    cfg->negative_timeout = 0;
    cfg->direct_io = 0; /* the page cache, so that MAP_SHARED works */
    return NULL;
}

static int op_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
    if (fi) return sys(fstat(HANDLE(fi)->fd, st));
    if (hidden(path)) return -ENOENT;
    return sys(fstatat(layer.backing_fd, rel(path), st, AT_SYMLINK_NOFOLLOW));
}

static int op_readlink(const char *path, char *buf, size_t size) {
    ssize_t n = readlinkat(layer.backing_fd, rel(path), buf, size - 1);
    if (n < 0) return -errno;
    buf[n] = 0;
    return 0;
}

static int created(int rc, const char *path, enum record_kind kind) {
    if (rc < 0) return end(-errno);
    give_to_caller(rel(path), -1);
    if (tracking()) journal_add(kind, rel(path), NULL, NULL, NULL, 0, 0, 0, 0);
    return end(0);
}

static int op_mknod(const char *path, mode_t mode, dev_t rdev) {
    int r = hidden(path) ? -EPERM : begin();
    return r ? r : created(mknodat(layer.backing_fd, rel(path), mode, rdev), path, R_CREATE);
}

static int op_mkdir(const char *path, mode_t mode) {
    int r = hidden(path) ? -EPERM : begin();
    return r ? r : created(mkdirat(layer.backing_fd, rel(path), mode), path, R_MKDIR);
}

static int op_symlink(const char *target, const char *path) {
    int r = hidden(path) ? -EPERM : begin();
    return r ? r : created(symlinkat(target, layer.backing_fd, rel(path)), path, R_CREATE);
}

static int op_link(const char *from, const char *to) {
    int r = hidden(from) || hidden(to) ? -EPERM : begin();
    if (r) return r;
    if (linkat(layer.backing_fd, rel(from), layer.backing_fd, rel(to), 0) < 0) return end(-errno);
    if (tracking()) journal_add(R_LINK, rel(to), NULL, NULL, NULL, 0, 0, 0, 0);
    return end(0);
}

static int op_unlink(const char *path) {
    int r = hidden(path) ? -ENOENT : begin();
    if (r) return r;
    if (!tracking()) return end(sys(unlinkat(layer.backing_fd, rel(path), 0)));
    char trash[32];
    if ((r = journal_trash(rel(path), false, trash))) return end(r);
    journal_add(R_UNLINK, rel(path), NULL, trash, NULL, 0, 0, 0, 0);
    return end(0);
}

static int dir_is_empty(const char *r) {
    int fd = openat(layer.backing_fd, r, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -errno;
    DIR *d = fdopendir(fd);
    if (!d) { close(fd); return -ENOMEM; }
    int rc = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) { rc = -ENOTEMPTY; break; }
    }
    closedir(d);
    return rc;
}

static int op_rmdir(const char *path) {
    int r = hidden(path) ? -ENOENT : begin();
    if (r) return r;
    if (!tracking()) return end(sys(unlinkat(layer.backing_fd, rel(path), AT_REMOVEDIR)));
    char trash[32];
    if ((r = dir_is_empty(rel(path))) || (r = journal_trash(rel(path), false, trash))) return end(r);
    journal_add(R_RMDIR, rel(path), NULL, trash, NULL, 0, 0, 0, 0);
    return end(0);
}

/* Rename over an existing name keeps the replaced file in the trash (a hard link, so that the name never
 * disappears for a reader) until the commit. ext4's auto_da_alloc writes the source's data back at once. */
static int rename_replacing(const char *from, const char *to, const struct stat *src, const struct stat *dst) {
    char trash[32];
    int r;
    if (S_ISDIR(dst->st_mode)) {
        if (!S_ISDIR(src->st_mode)) return -EISDIR;
        if ((r = dir_is_empty(to)) || (r = journal_trash(to, false, trash))) return r;
        if (renameat(layer.backing_fd, from, layer.backing_fd, to) < 0) {
            r = -errno;
            (void) !renameat(layer.state_fd, trash, layer.backing_fd, to);
            return r;
        }
    } else {
        if (S_ISDIR(src->st_mode)) return -ENOTDIR;
        if ((r = journal_trash(to, true, trash))) return r;
        if (renameat(layer.backing_fd, from, layer.backing_fd, to) < 0) {
            r = -errno;
            (void) !unlinkat(layer.state_fd, trash, 0);
            return r;
        }
        struct node *n = S_ISREG(src->st_mode) ? node_find(src->st_ino) : NULL;
        if (n) node_make_durable(n, 0, END_OF_FILE);
    }
    journal_add(R_RENAME, from, to, trash, NULL, 0, 0, 0, 0);
    return 0;
}

static int op_rename(const char *from_path, const char *to_path, unsigned int flags) {
    int r = hidden(from_path) || hidden(to_path) ? -EPERM : begin();
    if (r) return r;
    const char *from = rel(from_path), *to = rel(to_path);
    if (!tracking()) return end(sys(renameat2(layer.backing_fd, from, layer.backing_fd, to, flags)));
    if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) return end(-EINVAL);
    struct stat src, dst;
    if (fstatat(layer.backing_fd, from, &src, AT_SYMLINK_NOFOLLOW) < 0) return end(-errno);
    bool exists = fstatat(layer.backing_fd, to, &dst, AT_SYMLINK_NOFOLLOW) == 0;
    if (flags & RENAME_EXCHANGE) {
        if (renameat2(layer.backing_fd, from, layer.backing_fd, to, RENAME_EXCHANGE) < 0) return end(-errno);
        journal_add(R_EXCHANGE, from, to, NULL, NULL, 0, 0, 0, 0);
        return end(0);
    }
    if (!exists) {
        if (renameat2(layer.backing_fd, from, layer.backing_fd, to, flags) < 0) return end(-errno);
        journal_add(R_RENAME, from, to, NULL, NULL, 0, 0, 0, 0);
        return end(0);
    }
    if (flags & RENAME_NOREPLACE) return end(-EEXIST);
    if (src.st_ino == dst.st_ino && src.st_dev == dst.st_dev) return end(0); /* two links to one file: POSIX no-op */
    return end(rename_replacing(from, to, &src, &dst));
}

static int op_chmod(const char *path, mode_t mode, struct fuse_file_info *fi) {
    int r = hidden(path) ? -ENOENT : begin();
    if (r) return r;
    struct stat st;
    int fd = fi ? HANDLE(fi)->fd : -1;
    if ((fd >= 0 ? fstat(fd, &st) : fstatat(layer.backing_fd, rel(path), &st, AT_SYMLINK_NOFOLLOW)) < 0) return end(-errno);
    if ((fd >= 0 ? fchmod(fd, mode) : fchmodat(layer.backing_fd, rel(path), mode, 0)) < 0) return end(-errno);
    if (tracking() && path) journal_add(R_CHMOD, rel(path), NULL, NULL, NULL, 0, st.st_mode & 07777, 0, 0);
    return end(0);
}

static int op_chown(const char *path, uid_t uid, gid_t gid, struct fuse_file_info *fi) {
    int r = hidden(path) ? -ENOENT : begin();
    if (r) return r;
    struct stat st;
    int fd = fi ? HANDLE(fi)->fd : -1;
    if ((fd >= 0 ? fstat(fd, &st) : fstatat(layer.backing_fd, rel(path), &st, AT_SYMLINK_NOFOLLOW)) < 0) return end(-errno);
    if ((fd >= 0 ? fchown(fd, uid, gid) : fchownat(layer.backing_fd, rel(path), uid, gid, AT_SYMLINK_NOFOLLOW)) < 0)
        return end(-errno);
    if (tracking() && path) journal_add(R_CHOWN, rel(path), NULL, NULL, NULL, 0, 0, st.st_uid, st.st_gid);
    return end(0);
}

static int set_size(struct node *n, int fd, off_t size) {
    if (!n || !tracking()) {
        if (ftruncate(fd, size) < 0) return -errno;
        if (n) n->size = size;
        return 0;
    }
    return size == n->size ? 0 : node_set_size(n, size, false);
}

static int op_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
    int r = hidden(path) ? -ENOENT : begin();
    if (r) return r;
    if (fi) return end(set_size(HANDLE(fi)->node, HANDLE(fi)->fd, size));
    int fd = openat(layer.backing_fd, rel(path), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return end(-errno);
    struct node *n = node_get(fd, path);
    r = set_size(n, fd, size);
    if (n) node_put(n);
    close(fd);
    return end(r);
}

static int open_handle(const char *path, int fd, int flags, struct fuse_file_info *fi) {
    struct handle *h = calloc(1, sizeof *h);
    if (!h) { close(fd); return -ENOMEM; }
    h->fd = fd;
    h->sync = (flags & O_SYNC_ONLY) != 0;
    h->dsync = (flags & O_DSYNC) != 0;
    h->node = node_get(fd, path);
    if ((flags & O_TRUNC) && h->node) {
        int r = set_size(h->node, fd, 0);
        if (r) { node_put(h->node); close(fd); free(h); return r; }
    }
    fi->fh = (uintptr_t) h;
    fi->keep_cache = 1; /* every change goes through this mount, so the kernel's cache stays right */
    fi->noflush = 1;    /* close() must not write mapped pages back: ext4's does not */
    return 0;
}

/* BACKING is opened read-write and without O_DIRECT, O_SYNC or O_APPEND: the kernel gives offsets, and
 * durability is the layer's business, never the host disk's. */
static int op_open(const char *path, struct fuse_file_info *fi) {
    if (hidden(path)) return -ENOENT;
    int fd = openat(layer.backing_fd, rel(path), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno != ENOENT && errno != ELOOP)
        fd = openat(layer.backing_fd, rel(path), (fi->flags & O_ACCMODE) | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return -errno;
    int r = begin();
    if (r) { close(fd); return r; }
    return end(open_handle(path, fd, fi->flags, fi));
}

static int op_create(const char *path, mode_t mode, struct fuse_file_info *fi) {
    int r = hidden(path) ? -EPERM : begin();
    if (r) return r;
    int fd = openat(layer.backing_fd, rel(path), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, mode);
    if (fd < 0) {
        r = -errno;
        end(0);
        return r == -EEXIST && !(fi->flags & O_EXCL) ? op_open(path, fi) : r;
    }
    give_to_caller(rel(path), fd);
    if ((r = open_handle(path, fd, fi->flags & ~O_TRUNC, fi))) return end(r);
    if (tracking()) journal_add(R_CREATE, rel(path), NULL, NULL, HANDLE(fi)->node, 0, 0, 0, 0);
    return end(0);
}

static int op_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    ssize_t n = pread(HANDLE(fi)->fd, buf, size, off);
    return n < 0 ? -errno : (int) n;
}

static int op_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    struct handle *h = HANDLE(fi);
    int r = begin();
    if (r) return r;
    if (!h->node || !tracking()) {
        ssize_t n = pwrite(h->fd, buf, size, off);
        if (n > 0 && h->node && off + n > h->node->size) h->node->size = off + n;
        return end(n < 0 ? -errno : (int) n);
    }
    /* fi->writepage: the kernel writing back a page of its cache (mmap), which is what a disk would get now */
    r = node_write(h->node, buf, size, off, fi->writepage);
    bool sync = h->sync || (fi->flags & O_SYNC_ONLY), dsync = h->dsync || (fi->flags & O_DSYNC);
    if (r > 0 && !fi->writepage && (sync || dsync)) node_sync_range(h->node, off, off + r, !sync);
    return end(r);
}

static int op_statfs(const char *path, struct statvfs *st) { return sys(fstatvfs(layer.backing_fd, st)); }

static int op_flush(const char *path, struct fuse_file_info *fi) { return 0; }

static int op_release(const char *path, struct fuse_file_info *fi) {
    struct handle *h = HANDLE(fi);
    pthread_mutex_lock(&layer.lock);
    if (h->node) {
        if (tracking()) node_close(h->node);
        else node_put(h->node);
    }
    pthread_mutex_unlock(&layer.lock);
    close(h->fd);
    free(h);
    return 0;
}

static int op_fsync(const char *path, int datasync, struct fuse_file_info *fi) {
    struct handle *h = HANDLE(fi);
    int r = begin();
    if (r) return r;
    if (h->node && tracking()) node_sync_range(h->node, 0, END_OF_FILE, datasync != 0);
    else if (tracking()) journal_commit("fsync");
    return end(0);
}

static int op_opendir(const char *path, struct fuse_file_info *fi) {
    if (hidden(path)) return -ENOENT;
    int fd = openat(layer.backing_fd, rel(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -errno;
    struct dir_handle *d = calloc(1, sizeof *d);
    if (!d || !(d->dir = fdopendir(fd))) { free(d); close(fd); return -ENOMEM; }
    d->root = strcmp(path, "/") == 0;
    fi->fh = (uintptr_t) d;
    return 0;
}

static int op_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi,
                      enum fuse_readdir_flags flags) {
    struct dir_handle *d = (struct dir_handle *) (uintptr_t) fi->fh;
    rewinddir(d->dir);
    for (struct dirent *e; (e = readdir(d->dir));) {
        if (d->root && strcmp(e->d_name, STATE_DIR) == 0) continue;
        struct stat st = {.st_ino = e->d_ino, .st_mode = (mode_t) DTTOIF(e->d_type)};
        if (fill(buf, e->d_name, &st, 0, 0)) break;
    }
    return 0;
}

static int op_releasedir(const char *path, struct fuse_file_info *fi) {
    struct dir_handle *d = (struct dir_handle *) (uintptr_t) fi->fh;
    closedir(d->dir);
    free(d);
    return 0;
}

static int op_fsyncdir(const char *path, int datasync, struct fuse_file_info *fi) {
    int r = begin();
    if (r) return r;
    if (tracking()) journal_commit("fsync of a directory");
    return end(0);
}

static int op_fallocate(const char *path, int mode, off_t off, off_t len, struct fuse_file_info *fi) {
    struct handle *h = HANDLE(fi);
    if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) return -EOPNOTSUPP;
    int r = begin();
    if (r) return r;
    struct node *n = h->node;
    if (!n || !tracking()) {
        r = sys(fallocate(h->fd, mode, off, len));
        if (!r && n && !(mode & FALLOC_FL_KEEP_SIZE) && off + len > n->size) n->size = off + len;
        return end(r);
    }
    off_t stop = off + len;
    if ((mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) && (r = node_zero_range(n, off, stop))) return end(r);
    /* the allocation leaves the content as it is; a new size is a journaled size change */
    if (fallocate(h->fd, mode | FALLOC_FL_KEEP_SIZE, off, len) < 0) return end(-errno);
    if (!(mode & FALLOC_FL_KEEP_SIZE) && stop > n->size) r = node_set_size(n, stop, false);
    return end(r);
}

static int op_utimens(const char *path, const struct timespec tv[2], struct fuse_file_info *fi) {
    if (fi) return sys(futimens(HANDLE(fi)->fd, tv));
    if (hidden(path)) return -ENOENT;
    return sys(utimensat(layer.backing_fd, rel(path), tv, AT_SYMLINK_NOFOLLOW));
}

static const struct fuse_operations operations = {
    .init = op_init, .getattr = op_getattr, .readlink = op_readlink, .mknod = op_mknod, .mkdir = op_mkdir,
    .unlink = op_unlink, .rmdir = op_rmdir, .symlink = op_symlink, .rename = op_rename, .link = op_link,
    .chmod = op_chmod, .chown = op_chown, .truncate = op_truncate, .open = op_open, .read = op_read,
    .write = op_write, .statfs = op_statfs, .flush = op_flush, .release = op_release, .fsync = op_fsync,
    .opendir = op_opendir, .readdir = op_readdir, .releasedir = op_releasedir, .fsyncdir = op_fsyncdir,
    .create = op_create, .utimens = op_utimens, .fallocate = op_fallocate,
};

/* ---- lifecycle ---- */

static void *flusher(void *unused) {
    for (;;) {
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
        pthread_mutex_lock(&layer.lock);
        if (layer.phase != RUNNING) { pthread_mutex_unlock(&layer.lock); return NULL; }
        double t = now();
        if (!journal_empty() && t - journal_oldest() >= layer.commit_seconds) journal_commit("commit interval");
        nodes_expire(t);
        pthread_mutex_unlock(&layer.lock);
    }
}

static void remove_state_dir(void) {
    DIR *d = fdopendir(dup(layer.state_fd));
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            log_line("state: leftover %s", e->d_name);
            if (unlinkat(layer.state_fd, e->d_name, 0) < 0) (void) !unlinkat(layer.state_fd, e->d_name, AT_REMOVEDIR);
        }
    }
    if (d) closedir(d);
    if (unlinkat(layer.backing_fd, STATE_DIR, AT_REMOVEDIR) < 0) log_line("state: %s", strerror(errno));
}

/* sig: SIGUSR1 power cut; SIGTERM or SIGINT clean; 0 unmounted from outside (clean, the kernel already synced). */
static _Noreturn void finish(int sig) {
    if (sig == SIGTERM || sig == SIGINT) { /* like a clean shutdown: the kernel first writes back what it holds */
        int fd = open(mount_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) { syncfs(fd); close(fd); }
    }
    pthread_mutex_lock(&layer.lock); /* kept until exit: nothing changes BACKING after this */
    struct totals t = {0};
    if (sig == SIGUSR1) {
        layer.phase = CUT;
        nodes_restore(&t);
        journal_undo(&t);
    } else {
        layer.phase = CLEAN;
        t.ops = journal_length();
        journal_commit("clean unmount");
        nodes_forget(&t);
    }
    remove_state_dir();
    if (sig) (void) !umount2(mount_path, MNT_DETACH);
    const char *what = sig == SIGUSR1 ? "power cut: dropped" : "clean unmount: made durable";
    printf("unsynced-fs: %s %lu bytes in %lu files, %lu metadata operations%s%s%s\n", what, t.bytes, t.files, t.ops,
           t.ops_by_kind[0] ? " (" : "", t.ops_by_kind, t.ops_by_kind[0] ? ")" : "");
    fflush(stdout);
    log_line("%s %lu bytes in %lu files, %lu metadata operations %s", what, t.bytes, t.files, t.ops, t.ops_by_kind);
    if (layer.log) fflush(layer.log);
    _exit(0); /* closing /dev/fuse aborts the connection, in every mount namespace it was bound into */
}

static void *controller(void *set) {
    int sig;
    while (sigwait(set, &sig) != 0) {}
    finish(sig);
}

static _Noreturn void usage(const char *why) {
    fprintf(stderr, "unsynced-fs: %s\nusage: unsynced-fs BACKING MOUNTPOINT [--expire-seconds 30] "
                    "[--commit-seconds 5] [--log FILE]\n", why);
    exit(2);
}

static double seconds(const char *name, const char *value) {
    char *rest;
    double v = value ? strtod(value, &rest) : -1;
    if (!value || *rest || v <= 0) usage(name);
    return v;
}

int main(int argc, char **argv) {
    const char *positional[2] = {0}, *log_path = NULL;
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '=');
        size_t name_len = eq ? (size_t) (eq - a) : strlen(a);
        const char *value = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
        bool takes = strncmp(a, "--", 2) == 0;
        if (!takes) {
            if (npos == 2) usage("too many arguments");
            positional[npos++] = a;
            continue;
        }
        if (!strncmp(a, "--expire-seconds", name_len) && name_len == 16) layer.expire_seconds = seconds(a, value);
        else if (!strncmp(a, "--commit-seconds", name_len) && name_len == 16) layer.commit_seconds = seconds(a, value);
        else if (!strncmp(a, "--log", name_len) && name_len == 5 && value) log_path = value;
        else usage(a);
        if (!eq) i++;
    }
    if (npos != 2) usage("BACKING and MOUNTPOINT are required");
    if (!(backing_path = realpath(positional[0], NULL))) usage("BACKING does not exist");
    if (!(mount_path = realpath(positional[1], NULL))) usage("MOUNTPOINT does not exist");
    if ((layer.backing_fd = open(backing_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) usage("BACKING is not a directory");
    umask(0); /* the kernel applied the caller's umask already */
    struct rlimit nofile;
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0) { nofile.rlim_cur = nofile.rlim_max; setrlimit(RLIMIT_NOFILE, &nofile); }
    layer.started = now();
    if (log_path && (layer.log = fopen(log_path, "a"))) setvbuf(layer.log, NULL, _IOLBF, 0);

    struct stat st;
    if (fstatat(layer.backing_fd, STATE_DIR, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        fprintf(stderr, "unsynced-fs: removing %s/%s left by a layer that did not stop cleanly\n", backing_path, STATE_DIR);
        layer.state_fd = openat(layer.backing_fd, STATE_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        remove_state_dir();
    }
    if (mkdirat(layer.backing_fd, STATE_DIR, 0700) < 0 ||
        (layer.state_fd = openat(layer.backing_fd, STATE_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        fprintf(stderr, "unsynced-fs: %s/%s: %s\n", backing_path, STATE_DIR, strerror(errno));
        return 1;
    }

    static sigset_t signals; /* handled by the controller thread only */
    sigemptyset(&signals);
    sigaddset(&signals, SIGUSR1);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, NULL);

    char options[] = "allow_other,default_permissions,fsname=unsynced-fs,subtype=unsynced-fs", dash_o[] = "-o";
    char *fuse_argv[] = {argv[0], dash_o, options, NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, fuse_argv);
    struct fuse *fuse = fuse_new(&args, &operations, sizeof operations, NULL);
    if (!fuse || fuse_mount(fuse, mount_path) != 0) {
        fprintf(stderr, "unsynced-fs: cannot mount on %s\n", mount_path);
        remove_state_dir();
        return 1;
    }
    pthread_t control, flush;
    pthread_create(&control, NULL, controller, &signals);
    pthread_create(&flush, NULL, flusher, NULL);
    fprintf(stderr, "unsynced-fs: mounted %s on %s (expire %g s, commit %g s)\n", backing_path, mount_path,
            layer.expire_seconds, layer.commit_seconds);
    log_line("mounted %s on %s (expire %g s, commit %g s)", backing_path, mount_path, layer.expire_seconds,
             layer.commit_seconds);
    struct fuse_loop_config loop = {.clone_fd = 0, .max_idle_threads = 10};
    fuse_loop_mt(fuse, &loop);
    finish(0);
}
