package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The macOS process table against a fake libproc (it cannot run here): the offsets of struct proc_bsdinfo. */
class LibprocTableTest {
    private final DarwinLib c = mock(DarwinLib.class);
    private final LibprocTable table = new LibprocTable(c, new PsTable(List.of("-E")));

    private void process(int pid, int status, int ppid, int pgid, long seconds, long micros) {
        when(c.proc_pidinfo(eq(pid), eq(DarwinLib.PROC_PIDTBSDINFO), anyLong(), any(Pointer.class), anyInt()))
                .thenAnswer(inv -> {
                    Pointer info = inv.getArgument(3);
                    info.setInt(LibprocTable.STATUS, status);
                    info.setInt(12, pid);
                    info.setInt(LibprocTable.PPID, ppid);
                    info.setInt(LibprocTable.PGID, pgid);
                    info.setLong(LibprocTable.START_SECONDS, seconds);
                    info.setLong(LibprocTable.START_MICROS, micros);
                    return DarwinLib.BSDINFO_SIZE;
                });
        when(c.getsid(pid)).thenReturn(pgid);
    }

    @Test
    void aProcessIsReadFromItsBsdInfo() {
        process(501, 2, 1, 501, 1_700_000_000L, 250_000);
        process(502, LibprocTable.ZOMBIE, 501, 501, 1_700_000_001L, 0);

        assertThat(table.stat(501)).contains(new ProcessTable.Stat(501, 'S', 1, 501, 501, 1_700_000_000_250_000L));
        assertThat(table.stat(502)).hasValueSatisfying(s -> assertThat(s.dead()).isTrue());
        assertThat(table.stat(503)).isEmpty(); // proc_pidinfo answered 0: gone, or not ours to read
    }

    @Test
    void theExecutableComesFromProcPidpath() {
        when(c.proc_pidpath(eq(501), any(Pointer.class), eq(DarwinLib.PROC_PIDPATHINFO_MAXSIZE))).thenAnswer(inv -> {
            Pointer buffer = inv.getArgument(1);
            buffer.setString(0, "/opt/stack/bin/nats-server");
            return 26;
        });

        assertThat(table.executable(501)).contains(Path.of("/opt/stack/bin/nats-server"));
        assertThat(table.executable(502)).isEmpty();
    }
}
