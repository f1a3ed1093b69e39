// read_to_write: an LD_PRELOAD shim that times, inside a program, each key's `read` from
// the terminal (descriptor 0) to the program's next `write` to it (descriptor 1): the
// program's own work before its first byte, without the machine's wake-up and scheduling,
// which swing by tens of microseconds from run to run on a loaded 2-core machine.
// pty_bench.py preloads it into the programs key_probe runs; each time goes, in
// microseconds, a line, to the file READ_TO_WRITE_OUT names.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double key_read_at = -1;
static int out = -2;

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

ssize_t read(int descriptor, void *buffer, size_t count) {
    static ssize_t (*real_read)(int, void *, size_t);
    if (!real_read) real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
    ssize_t got = real_read(descriptor, buffer, count);
    // The first read of a key only: the bytes after it (a sequence's) are the same key.
    if (descriptor == 0 && got > 0 && key_read_at < 0) key_read_at = now_us();
    return got;
}

ssize_t write(int descriptor, const void *buffer, size_t count) {
    static ssize_t (*real_write)(int, const void *, size_t);
    if (!real_write) real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if (descriptor == 1 && key_read_at >= 0) {
        double elapsed = now_us() - key_read_at;
        key_read_at = -1;
        if (out == -2) {
            const char *path = getenv("READ_TO_WRITE_OUT");
            out = path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
        }
        char line[32];
        int length = snprintf(line, sizeof line, "%.2f\n", elapsed);
        if (out >= 0) real_write(out, line, (size_t)length);
    }
    return real_write(descriptor, buffer, count);
}
