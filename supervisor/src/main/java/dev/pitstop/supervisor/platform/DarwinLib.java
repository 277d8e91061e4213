package dev.pitstop.supervisor.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/** The macOS-only calls: kqueue and libproc (both in libSystem). Not run in CI: tested against fakes. */
interface DarwinLib extends PosixLib {
    short EVFILT_READ = -1;
    short EVFILT_PROC = -5;
    short EV_ADD = 0x0001;
    short EV_DELETE = 0x0002;
    short EV_ONESHOT = 0x0010;
    short EV_ERROR = 0x4000;
    int NOTE_EXIT = 0x80000000;
    /** {@code sizeof(struct kevent)} on 64-bit darwin. */
    int KEVENT_SIZE = 32;
    int ESRCH = 3;
    int PROC_PIDTBSDINFO = 3;
    /** {@code sizeof(struct proc_bsdinfo)}. */
    int BSDINFO_SIZE = 136;
    int PROC_PIDPATHINFO_MAXSIZE = 4096;

    int kqueue();

    /** Failures come as {@link LastErrorException} with the errno. */
    int kevent(int kq, Pointer changes, int changeCount, Pointer events, int eventCount, Pointer timeout)
            throws LastErrorException;

    int proc_listallpids(Pointer buffer, int bufferSize);

    int proc_pidinfo(int pid, int flavor, long argument, Pointer buffer, int bufferSize);

    int proc_pidpath(int pid, Pointer buffer, int bufferSize);
}
