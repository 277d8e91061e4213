package dev.pitstop.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Demo client: calls a URL every {@code PERIOD_MS} and logs the answer or the failure, so that its log
 * shows a dependency being swapped underneath it. Usage: {@code Caller URL [PERIOD_MS]}.
 */
public final class Caller {
    private Caller() {}

    public static void main(String[] args) throws InterruptedException {
        URI target = URI.create(args[0]);
        long periodMillis = args.length > 1 ? Long.parseLong(args[1]) : 500;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2)).build();
        System.out.println("caller polling " + target + " every " + periodMillis + " ms");
        while (!Thread.currentThread().isInterrupted()) {
            String now = LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
            try {
                String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body().strip();
                System.out.println(now + " " + body);
            } catch (IOException e) {
                System.out.println(now + " unreachable: " + e.getClass().getSimpleName());
            }
            Thread.sleep(periodMillis);
        }
    }
}
