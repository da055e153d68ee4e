/* unsynced-fs: metadata operations since the last journal commit, in order, each with what undoes it.
 *
 * Like ext4's running transaction: a commit (every --commit-seconds, or an fsync that needs one) makes all of
 * them durable at once; a power cut undoes all of them, newest first. Names that an operation removes wait in
 * STATE_DIR's trash until the commit. */
#include "layer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct record {
    enum record_kind kind;
    char *path, *path2; /* relative to BACKING; R_RENAME: from, to */
    char trash[32];     /* the name removed (R_UNLINK, R_RMDIR) or replaced (R_RENAME), in STATE_DIR */
    bool trash_is_dir;
    struct node *node;  /* R_SIZE, R_CREATE of a regular file */
    off_t size;
    mode_t mode;
    uid_t uid;
    gid_t gid;
};

static const char *const kind_names[] = {"create", "mkdir", "link", "unlink", "rmdir", "rename", "exchange",
                                         "chmod", "chown", "size change"};

static struct record *records;
static size_t count, capacity;
static double oldest;
static unsigned long trash_seq;

int journal_trash(const char *rel, bool link_only, char trash[32]) {
    snprintf(trash, 32, "t%lu", ++trash_seq);
    int r = link_only ? linkat(layer.backing_fd, rel, layer.state_fd, trash, 0)
                      : renameat(layer.backing_fd, rel, layer.state_fd, trash);
    return r < 0 ? -errno : 0;
}

void journal_add(enum record_kind kind, const char *path, const char *path2, const char *trash, struct node *n,
                 off_t size, mode_t mode, uid_t uid, gid_t gid) {
    if (count == capacity) {
        size_t cap = capacity ? capacity * 2 : 64;
        struct record *r = realloc(records, cap * sizeof *r);
        if (!r) { log_line("out of memory: %s not journaled", kind_names[kind]); return; }
        records = r;
        capacity = cap;
    }
    if (count == 0) oldest = now();
    struct record *r = &records[count++];
    *r = (struct record){.kind = kind, .node = n, .size = size, .mode = mode, .uid = uid, .gid = gid};
    r->path = path ? strdup(path) : NULL;
    r->path2 = path2 ? strdup(path2) : NULL;
    if (trash) {
        snprintf(r->trash, sizeof r->trash, "%s", trash);
        struct stat st;
        r->trash_is_dir = fstatat(layer.state_fd, trash, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    if (n) n->jrefs++;
}

bool journal_empty(void) { return count == 0; }
double journal_oldest(void) { return oldest; }
unsigned long journal_length(void) { return count; }

static void release(struct record *r) {
    free(r->path);
    free(r->path2);
    if (r->node) node_drop_ref(r->node);
}

void journal_commit(const char *why) {
    if (count == 0) return;
    for (size_t i = 0; i < count; i++) {
        struct record *r = &records[i];
        if (r->trash[0] && unlinkat(layer.state_fd, r->trash, r->trash_is_dir ? AT_REMOVEDIR : 0) < 0)
            log_line("commit: removing %s (%s): %s", r->trash, r->path, strerror(errno));
        if (r->kind == R_SIZE) node_commit_size(r->node, r->size);
    }
    for (size_t i = 0; i < count; i++) if (records[i].kind == R_SIZE) node_unpin(records[i].node);
    log_line("commit (%s): %zu metadata operations", why, count);
    for (size_t i = 0; i < count; i++) release(&records[i]);
    count = 0;
    layer.epoch++;
}

static void undo(const struct record *r) {
    int b = layer.backing_fd, s = layer.state_fd, rc = 0;
    switch (r->kind) {
    case R_CREATE: case R_LINK: rc = unlinkat(b, r->path, 0); break;
    case R_MKDIR: rc = unlinkat(b, r->path, AT_REMOVEDIR); break;
    case R_UNLINK: case R_RMDIR: rc = renameat(s, r->trash, b, r->path); break;
    case R_RENAME:
        rc = renameat(b, r->path2, b, r->path);
        if (rc == 0 && r->trash[0]) rc = renameat(s, r->trash, b, r->path2);
        break;
    case R_EXCHANGE: rc = renameat2(b, r->path, b, r->path2, RENAME_EXCHANGE); break;
    case R_CHMOD: rc = fchmodat(b, r->path, r->mode, 0); break;
    case R_CHOWN: rc = fchownat(b, r->path, r->uid, r->gid, AT_SYMLINK_NOFOLLOW); break;
    case R_SIZE: break; /* nodes_restore put the durable size back */
    }
    if (rc < 0) log_line("cut: undoing %s of %s: %s", kind_names[r->kind], r->path ? r->path : "?", strerror(errno));
}

void journal_undo(struct totals *lost) {
    unsigned long by_kind[sizeof kind_names / sizeof *kind_names] = {0};
    for (size_t i = count; i-- > 0;) {
        undo(&records[i]);
        by_kind[records[i].kind]++;
        log_line("cut: undid %s %s%s%s", kind_names[records[i].kind], records[i].path ? records[i].path : "",
                 records[i].path2 ? " -> " : "", records[i].path2 ? records[i].path2 : "");
    }
    lost->ops = count;
    size_t used = 0;
    lost->ops_by_kind[0] = 0;
    for (size_t k = 0; k < sizeof by_kind / sizeof *by_kind; k++) {
        if (!by_kind[k] || used >= sizeof lost->ops_by_kind) continue;
        used += (size_t) snprintf(lost->ops_by_kind + used, sizeof lost->ops_by_kind - used, "%s%lu %s",
                                  used ? ", " : "", by_kind[k], kind_names[k]);
    }
}
