// key_probe: keystroke -> first output byte, timed by a program as lean as a terminal
// emulator. pty_bench.py times keys from Python, whose interpreter is still running on
// one of the machine's CPUs when the key arrives; a terminal (tmux, xterm) writes the key
// and is back in its event loop at once. On a 2-core machine that difference moves the
// figures of a program that polls before it reads (Debrief) more than one that blocks in
// `read` (nano), so both are measured and both are printed.
//
// usage: key_probe [--prepare BYTES] COUNT PROGRAM [ARGUMENT...]
// Runs PROGRAM in a 100x30 pseudo-terminal (environment and folder: the caller's), waits
// for it to settle, types COUNT characters of prose one at a time (the next after the
// frame, 15 ms quiet, as pty_bench.py does), and prints each key's latency in
// microseconds, one a line. Exit status 1 when the program could not be run.
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

// Reads until nothing came for `quiet_ms` (a clock's tick once a second does not keep it
// from settling) or `limit_ms` passed; returns the bytes read, -1 at end of file.
static long drain(int fd, int quiet_ms, int limit_ms) {
    char buffer[65536];
    long total = 0;
    double end = now_us() + limit_ms * 1e3;
    while (now_us() < end) {
        struct pollfd wait = {fd, POLLIN, 0};
        if (poll(&wait, 1, quiet_ms) <= 0) return total;
        ssize_t count = read(fd, buffer, sizeof buffer);
        if (count <= 0) return -1;
        total += count;
    }
    return total;
}

static const char *prose =
    "The brief reached creators two days late so most posts missed the launch week "
    "Reels beat static posts on engagement and stories did little for clicks ";

int main(int argc, char **argv) {
    const char *prepare = "";
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--prepare") == 0) {
        prepare = argv[2];
        first = 3;
    }
    if (argc - first < 2) {
        fprintf(stderr, "usage: key_probe [--prepare BYTES] COUNT PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    int count = atoi(argv[first]);
    struct winsize size = {30, 100, 0, 0};
    int terminal;
    pid_t child = forkpty(&terminal, NULL, NULL, &size);
    if (child < 0) return 1;
    if (child == 0) {
        execvp(argv[first + 1], argv + first + 1);
        _exit(127);
    }
    // The first byte may take a while (a binary out of the page cache after a night, read
    // back from a cold disk): up to 10 s, as pty_bench.py waits; then 300 ms of quiet.
    struct pollfd first_byte = {terminal, POLLIN, 0};
    if (poll(&first_byte, 1, 10000) <= 0) return 1;
    if (drain(terminal, 300, 5000) <= 0) return 1;
    if (*prepare) {
        if (write(terminal, prepare, strlen(prepare)) < 0) return 1;
        drain(terminal, 300, 5000);
    }
    size_t length = strlen(prose);
    for (int key = 0; key < count; key++) {
        char character = prose[key % length];
        double sent = now_us();
        if (write(terminal, &character, 1) != 1) break;
        struct pollfd wait = {terminal, POLLIN, 0};
        if (poll(&wait, 1, 2000) > 0) printf("%.1f\n", now_us() - sent);
        if (drain(terminal, 15, 2000) < 0) break;
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
