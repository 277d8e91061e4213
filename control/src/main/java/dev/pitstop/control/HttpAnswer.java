package dev.pitstop.control;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The status and body of one control-socket answer; the body is de-chunked as it is read. */
final class HttpAnswer implements Closeable {
    private final int status;
    private final InputStream body;
    private final Closeable connection;

    private HttpAnswer(int status, InputStream body, Closeable connection) {
        this.status = status;
        this.body = body;
        this.connection = connection;
    }

    static HttpAnswer read(InputStream in, Closeable connection) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new ControlException(0, "the stack closed the connection without answering; it may be stopping: "
                    + "run the command again, and see .pitstop/pitstop.out if it keeps happening");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new ControlException(0, "something other than a Pitstop stack answers on the control socket; stop "
                    + "it, or delete .pitstop/pitstop.sock if no stack runs here");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header; (header = line(in)) != null && !header.isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        InputStream body = chunked ? new ChunkedInputStream(in) : length >= 0 ? new LimitedInputStream(in, length) : in;
        return new HttpAnswer(status, body, connection);
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A Content-Length body. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the control socket closed " + left + " bytes before the end of the answer");
            }
            left -= n;
            return n;
        }
    }

    /** A chunked body, decoded as it arrives so that {@code logs -f} prints each line at once. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("the control socket closed inside a chunked answer");
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the control socket closed inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(in); // the CRLF after the chunk
            }
            return n;
        }
    }
}
