#if canImport(Glibc)
import Glibc
#endif

/// An fsync running on a helper thread while the caller goes on; `wait()` joins it and
/// gives its result. A meeting's start uses it: the journal's first fsync (up to a
/// millisecond, more on a journaled file system) runs while the terminal is set up and the
/// first frame drawn, and that frame waits for it before it may say "saved".
final class BackgroundSync {
    private let thread: pthread_t
    /// The descriptor, then the fsync's errno (0 when it succeeded): written by the helper
    /// before it ends, read after `pthread_join`, which orders the two.
    private let slots: UnsafeMutablePointer<Int32>
    private var joined = false

    private init(thread: pthread_t, slots: UnsafeMutablePointer<Int32>) {
        self.thread = thread
        self.slots = slots
    }

    /// Starts the fsync of `descriptor`; nil when no thread can be started (the caller then
    /// fsyncs itself). The descriptor must stay open until `wait()` returns.
    static func start(descriptor: Int32) -> BackgroundSync? {
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        slots[0] = descriptor
        slots[1] = 0
        // The helper takes no signal: a resize or a link's SIGIO must interrupt the main
        // thread's wait for a key, and the handlers expect to run there.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            let slots = raw!.assumingMemoryBound(to: Int32.self)
            slots[1] = fsync(slots[0]) == 0 ? 0 : errno
            return nil
        }, slots)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        guard started == 0 else {
            slots.deallocate()
            return nil
        }
        return BackgroundSync(thread: thread, slots: slots)
    }

    /// Waits for the fsync; returns 0 when it succeeded, else its errno. Once only.
    func wait() -> Int32 {
        precondition(!joined, "a background fsync is waited for once")
        joined = true
        pthread_join(thread, nil)
        return slots[1]
    }

    deinit {
        if !joined { pthread_join(thread, nil) }
        slots.deallocate()
    }
}
