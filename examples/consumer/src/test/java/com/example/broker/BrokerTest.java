package com.example.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.testkit.PitstopStack;
import dev.pitstop.testkit.PitstopTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@PitstopTest(value = "src/test/resources/nats/pitstop.yaml", ports = "NATS_PORT")
class BrokerTest {

    @Test
    void theReloadedBrokerServes(PitstopStack stack) throws Exception {
        ReloadResult reload = stack.engine().reload("nats");
        stack.awaitHealthy("nats");

        assertNotEquals(reload.oldPid(), reload.newPid());
        assertEquals(reload.newPid(), stack.engine().ps().get(0).pid());
        assertEquals("hello", roundTrip(stack.port("NATS_PORT")));
    }

    static String roundTrip(int port) throws Exception {
        try (Connection nats = Nats.connect("nats://127.0.0.1:" + port)) {
            Subscription sub = nats.subscribe("greetings");
            nats.publish("greetings", "hello".getBytes(StandardCharsets.UTF_8));
            Message message = sub.nextMessage(Duration.ofSeconds(5));
            return message == null ? null : new String(message.getData(), StandardCharsets.UTF_8);
        }
    }
}
