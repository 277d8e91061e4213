package com.example.broker;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.process.ReloadResult;
import java.nio.file.Path;
import java.time.Duration;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        try (Engine engine = Pitstop.open(Path.of(args[0]))) {
            engine.up();
            engine.awaitReady(Duration.ofSeconds(30));
            ReloadResult r = engine.reload("nats");
            System.out.println("nats reloaded: pid " + r.oldPid() + " -> " + r.newPid());
        }
    }
}
