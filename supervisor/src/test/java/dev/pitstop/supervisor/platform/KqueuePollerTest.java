package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The macOS poller against a fake kernel (kqueue cannot run here): what it registers and how it reads events. */
class KqueuePollerTest {
    private static final int KQ = 9;

    /** One {@code struct kevent}. */
    record Kevent(long ident, short filter, short flags, int fflags) {}

    private final DarwinLib c = mock(DarwinLib.class);
    private final List<Kevent> registered = new ArrayList<>();
    private final List<Kevent> pending = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private final Poller.Events events = new Poller.Events() {
        @Override
        public void readable(int fd) {
            seen.add("readable " + fd);
        }

        @Override
        public void exited(long pid, int code) {
            seen.add("exited " + pid + " " + code);
        }
    };

    @BeforeEach
    void kernel() {
        when(c.kqueue()).thenReturn(KQ);
        doAnswer(inv -> {
            int[] fds = inv.getArgument(0);
            fds[0] = 20;
            fds[1] = 21;
            return 0;
        }).when(c).pipe(any());
        when(c.kevent(eq(KQ), any(Pointer.class), eq(1), isNull(), eq(0), isNull())).thenAnswer(inv -> {
            Pointer k = inv.getArgument(1);
            registered.add(new Kevent(k.getLong(0), k.getShort(8), k.getShort(10), k.getInt(12)));
            return 0;
        });
        when(c.kevent(eq(KQ), isNull(), eq(0), any(Pointer.class), anyInt(), any(Pointer.class))).thenAnswer(inv -> {
            Pointer out = inv.getArgument(3);
            for (int i = 0; i < pending.size(); i++) {
                Kevent e = pending.get(i);
                long base = (long) i * DarwinLib.KEVENT_SIZE;
                out.setLong(base, e.ident());
                out.setShort(base + 8, e.filter());
                out.setShort(base + 10, e.flags());
                out.setInt(base + 12, e.fflags());
            }
            int n = pending.size();
            pending.clear();
            return n;
        });
    }

    @Test
    void watchesTheWakePipeThenEachPipeAndEachChildOnce() {
        KqueuePoller poller = new KqueuePoller(c, Abi.darwin());
        poller.watchRead(30);
        poller.watchExit(4242);
        poller.unwatchRead(30);

        assertThat(registered).containsExactly(
                new Kevent(20, DarwinLib.EVFILT_READ, DarwinLib.EV_ADD, 0),
                new Kevent(30, DarwinLib.EVFILT_READ, DarwinLib.EV_ADD, 0),
                new Kevent(4242, DarwinLib.EVFILT_PROC, (short) (DarwinLib.EV_ADD | DarwinLib.EV_ONESHOT),
                        DarwinLib.NOTE_EXIT),
                new Kevent(30, DarwinLib.EVFILT_READ, DarwinLib.EV_DELETE, 0));
    }

    @Test
    void anExitIsReapedForThatPidOnlyAndAReadablePipeIsReported() {
        doAnswer(inv -> {
            int[] status = inv.getArgument(1);
            status[0] = 3 << 8; // exited with code 3
            return 4242;
        }).when(c).waitpid(eq(4242), any(), eq(Abi.WNOHANG));
        KqueuePoller poller = new KqueuePoller(c, Abi.darwin());
        pending.add(new Kevent(30, DarwinLib.EVFILT_READ, (short) 0, 0));
        pending.add(new Kevent(4242, DarwinLib.EVFILT_PROC, (short) 0, DarwinLib.NOTE_EXIT));
        pending.add(new Kevent(31, DarwinLib.EVFILT_READ, DarwinLib.EV_ERROR, 0));

        poller.await(100, events);

        assertThat(seen).containsExactly("readable 30", "exited 4242 3");
    }

    @Test
    void aChildThatExitedBeforeItWasWatchedIsReapedOnTheNextWakeUp() {
        KqueuePoller poller = new KqueuePoller(c, Abi.darwin());
        when(c.kevent(eq(KQ), any(Pointer.class), eq(1), isNull(), eq(0), isNull()))
                .thenThrow(new LastErrorException(DarwinLib.ESRCH));
        when(c.waitpid(eq(77), any(), eq(Abi.WNOHANG))).thenReturn(77);

        poller.watchExit(77);
        poller.await(100, events);

        assertThat(seen).containsExactly("exited 77 0");
    }
}
