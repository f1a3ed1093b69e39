#ifndef DEBRIEF_CNCURSES_SHIM_H
#define DEBRIEF_CNCURSES_SHIM_H

// Must come before any include: exposes the wide-character API and wcwidth.
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// The Swift importer drops function-like and bit macros, and Swift 6 rejects shared
// mutable globals; these small functions stand in for them.
static inline WINDOW *debrief_stdscr(void) { return stdscr; }
static inline int debrief_lines(void) { return LINES; }
static inline int debrief_cols(void) { return COLS; }
static inline int debrief_key_f(int n) { return KEY_F(n); }

// The terminal's string capability `name`, or NULL when it has none.
static inline const char *debrief_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
// 1 when the terminal has the boolean capability `name`.
static inline int debrief_flag(const char *name) { return tigetflag(name) > 0; }
// A parameterized capability with up to two parameters (tiparm is variadic, which Swift
// cannot call). The result lives in ncurses' buffer until the next call.
static inline const char *debrief_tiparm(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}

// 1 when the terminfo entry for `name` can address the cursor (has `cup`), 0 when it
// cannot (dumb, hardcopy), -1 when there is no entry. Looked up before initscr, which
// would otherwise exit on an unknown TERM or draw nothing on a dumb one.
static inline int debrief_terminal_addresses_cursor(const char *name) {
    int error = 0;
    if (setupterm(name, STDOUT_FILENO, &error) != OK) return error == 1 ? 0 : -1;
    char *address = tigetstr("cup");
    int result = (address != NULL && address != (char *)-1) ? 1 : 0;
    del_curterm(cur_term);
    return result;
}

// Reads of the terminal return at once, empty when nothing has come (VMIN and VTIME 0),
// kept as the program's mode so curses restores it after Ctrl-Z and fg. A read of a key
// known to be there then needs no poll first, and a lone first byte of a UTF-8 character
// (a Latin-1 terminal's "é") cannot block the loop waiting for the rest.
static inline void debrief_reads_never_block(void) {
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) != 0) return;
    settings.c_cc[VMIN] = 0;
    settings.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0) def_prog_mode();
}

// How long a read of the terminal waits for a first byte, in tenths of a second (VTIME,
// with VMIN 0: the read returns as soon as one byte is there, or empty when the time is
// up). The loop waits for a key this way, blocked in `read` as an editor is, rather than in
// `poll`: a key wakes it sooner (README, "Benchmarks"). Not kept as the program's mode:
// after `fg` reads return at once again until the next wait sets this.
static inline int debrief_set_read_wait(int tenths) {
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) != 0) return -1;
    settings.c_cc[VMIN] = 0;
    settings.c_cc[VTIME] = (cc_t)tenths;
    return tcsetattr(STDIN_FILENO, TCSANOW, &settings);
}

// The socket other terminals join a meeting through cuts that wait short: it is set to
// raise SIGIO in this thread when one knocks, and SIGIO is let through only while the loop
// waits in its read (elsewhere it stays pending: a paste's read, a journal write are never
// cut short). The handler also makes a read that has not begun yet return at once (VTIME
// 0; tcsetattr may be called in a handler), so a knock just before the read cannot leave
// the loop waiting the whole time.
static volatile sig_atomic_t debrief_link_stirred = 0;

static void debrief_note_link(int number) {
    (void)number;
    debrief_link_stirred = 1;
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) == 0) {
        settings.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &settings);
    }
}

static inline int debrief_take_link_stirred(void) {
    int stirred = (int)debrief_link_stirred;
    debrief_link_stirred = 0;
    return stirred;
}

static inline void debrief_let_link_signal_through(int through) {
    sigset_t link;
    sigemptyset(&link);
    sigaddset(&link, SIGIO);
    sigprocmask(through ? SIG_UNBLOCK : SIG_BLOCK, &link, NULL);
}

// 0 when `descriptor` now raises SIGIO in the calling thread when input (or room to write)
// arrives; -1 when it cannot.
static inline int debrief_signal_on_input(int descriptor) {
    struct f_owner_ex owner = { F_OWNER_TID, (pid_t)gettid() };
    if (fcntl(descriptor, F_SETOWN_EX, &owner) != 0) return -1;
    int flags = fcntl(descriptor, F_GETFL);
    if (flags < 0) return -1;
    return (flags & O_ASYNC) || fcntl(descriptor, F_SETFL, flags | O_ASYNC) == 0 ? 0 : -1;
}

// Signals only set a flag; the main loop notices it, flushes, restores the terminal and
// exits. Installed before initscr so ncurses keeps its hands off SIGINT and SIGTERM.
static volatile sig_atomic_t debrief_received_signal = 0;

static void debrief_note_signal(int number) { debrief_received_signal = number; }

// SIGTSTP from outside (kill -TSTP, a job-control tool) is a request, like Ctrl-Z, that
// the main loop carries out itself: ncurses' own handler would stop us without saving
// the unfinished note and come back without bracketed paste.
static volatile sig_atomic_t debrief_stop_requested = 0;

static void debrief_note_stop(int number) { (void)number; debrief_stop_requested = 1; }

static inline int debrief_take_stop_request(void) {
    int requested = (int)debrief_stop_requested;
    debrief_stop_requested = 0;
    return requested;
}

// A resize: curses' own SIGWINCH handler notes it and its next read reports KEY_RESIZE,
// but a key's first byte is read without curses. This handler, put in front of curses'
// once curses has installed it, also notes it for us, so the read asks curses first.
static void (*debrief_curses_resize_handler)(int) = 0;
static volatile sig_atomic_t debrief_resized = 0;

static void debrief_note_resize(int number) {
    debrief_resized = 1;
    void (*curses)(int) = debrief_curses_resize_handler;
    if (curses != 0 && curses != SIG_DFL && curses != SIG_IGN) curses(number);
}

static inline void debrief_watch_resizes(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = debrief_note_resize;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART, as curses': the read returns so the loop redraws
    struct sigaction curses;
    if (sigaction(SIGWINCH, NULL, &curses) != 0 || (curses.sa_flags & SA_SIGINFO)) return;
    debrief_curses_resize_handler = curses.sa_handler;
    sigaction(SIGWINCH, &action, NULL);
}

static inline int debrief_take_resize(void) {
    int resized = (int)debrief_resized;
    debrief_resized = 0;
    return resized;
}

static inline void debrief_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = debrief_note_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop can act
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    // Started with job control switched off (SIGTSTP ignored): leave it so.
    struct sigaction stop;
    sigaction(SIGTSTP, NULL, &stop);
    if (stop.sa_handler != SIG_IGN) {
        stop = action;
        stop.sa_handler = debrief_note_stop;
        sigaction(SIGTSTP, &stop, NULL);
    }
    // SIGIO: a socket stirred (see `debrief_note_link`); held until the loop waits.
    struct sigaction link = action;
    link.sa_handler = debrief_note_link;
    sigaction(SIGIO, &link, NULL);
    debrief_let_link_signal_through(0);
    signal(SIGPIPE, SIG_IGN);
    // Past a file-size limit (ulimit -f) a write should fail with EFBIG, which the meeting
    // survives, instead of the default action of SIGXFSZ, which kills it.
    signal(SIGXFSZ, SIG_IGN);
    // A parent may have started us with these blocked (the mask is inherited); unblock them
    // or resizes and Ctrl-C would go unnoticed.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

static inline int debrief_pending_signal(void) { return (int)debrief_received_signal; }

// Ctrl-Z arrives as a key in raw mode: stop ourselves the way the shell's job control
// expects (SIGTSTP with its default action), and return here on SIGCONT (fg).
static inline void debrief_stop_self(void) {
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

#endif
