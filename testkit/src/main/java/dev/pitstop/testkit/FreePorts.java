package dev.pitstop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Free TCP ports on 127.0.0.1, asked from the kernel. */
final class FreePorts {
    private FreePorts() {}

    /**
     * One port per name. The sockets stay open until every port is chosen, so the names get different ports; a
     * port is free again once they close, and the stack binds it moments later (as Testcontainers' mapped ports do,
     * this leaves a small window to another program on the machine).
     */
    static Map<String, Integer> allocate(List<String> names) {
        List<ServerSocket> open = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                open.add(socket);
                ports.put(name, socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a listening socket that fails to close is closed by the kernel when the JVM ends
                }
            }
        }
    }
}
