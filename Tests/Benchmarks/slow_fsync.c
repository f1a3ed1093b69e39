// slow_fsync: an LD_PRELOAD shim that makes every fsync take SLOW_FSYNC_MS milliseconds
// longer (default 30), as on a busy laptop disk or a network folder, where a flush to disk
// takes tens of milliseconds instead of this machine's fraction of one. typing_bench.py
// --slow-fsync builds and loads it, to show what a journal write costs the keys typed
// around it.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

int fsync(int descriptor) {
    static int (*real_fsync)(int);
    if (!real_fsync) real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    const char *milliseconds = getenv("SLOW_FSYNC_MS");
    usleep((milliseconds ? atoi(milliseconds) : 30) * 1000);
    return real_fsync(descriptor);
}
