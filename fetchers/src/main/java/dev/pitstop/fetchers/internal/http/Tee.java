package dev.pitstop.fetchers.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Also receives a download's bytes as they arrive, in order (to extract while downloading). */
public interface Tee {
    Tee NONE = new Tee() {
        @Override
        public void write(ByteBuffer bytes) {
        }

        @Override
        public void restarted() {
        }
    };

    void write(ByteBuffer bytes) throws IOException;

    /** The download started over from byte 0: everything received so far is void. */
    void restarted();
}
