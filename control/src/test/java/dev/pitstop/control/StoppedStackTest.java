package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pitstop.core.Engine;
import dev.pitstop.core.process.StackStoppedException;
import dev.pitstop.testkit.UnixSocketHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, D18: a request that reaches a stopping stack gets a sentence, not {@code IllegalStateException}. */
class StoppedStackTest {
    static final String SENTENCE = "the stack is stopping or has stopped, so nothing can be started, reloaded or "
            + "applied; start it again with pitstop up";

    @TempDir Path dir;

    @Test
    void applyOnAStoppingStackIsA409WithASentence() throws Exception {
        Engine engine = mock(Engine.class);
        when(engine.apply()).thenThrow(new StackStoppedException());
        try (ControlServer server = new ControlServer(engine, dir.resolve(".pitstop"))) {
            server.start();
            UnixSocketHttp.Reply reply = UnixSocketHttp.request(server.socketPath(), "POST", "/v1/apply");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body()).isEqualTo("{\"error\":\"" + SENTENCE + "\"}\n");
            assertThatThrownBy(() -> new RemoteControl(dir.resolve(".pitstop")).apply())
                    .isInstanceOf(ControlException.class).hasMessage(SENTENCE);
        }
    }

    @Test
    void anUnexpectedFailureNamesNoJavaClass() throws Exception {
        Engine engine = mock(Engine.class);
        when(engine.apply()).thenThrow(new IllegalArgumentException("broken invariant"));
        try (ControlServer server = new ControlServer(engine, dir.resolve(".pitstop"))) {
            server.start();
            UnixSocketHttp.Reply reply = UnixSocketHttp.request(server.socketPath(), "POST", "/v1/apply");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("java.", "Exception")
                    .contains("the stack failed to answer (a bug): broken invariant");
        }
    }
}
