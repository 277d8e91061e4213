package dev.pitstop.control;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Subscription;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.LogLine;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code logs} and {@code events}: the last {@code n} entries, then with {@code follow=1} every new one. */
final class StreamRoutes {
    private final Engine engine;
    private final ControlJson json;
    private final BooleanSupplier closing;

    StreamRoutes(Engine engine, ControlJson json, BooleanSupplier closing) {
        this.engine = engine;
        this.json = json;
        this.closing = closing;
    }

    /** The caller has checked that the process exists, so that an unknown name is a 404, not a cut stream. */
    void logs(String name, HttpRequest req, HttpResponse res, SocketChannel channel, boolean text) throws IOException {
        int n = req.intParam("n", 100);
        Function<LogLine, String> format = text ? ControlText::logLine : l -> json.write(l) + "\n";
        serve(req, res, channel, text, "lines", format, () -> engine.logs(name, n),
                consumer -> engine.followLogs(name, consumer),
                history -> {
                    // lines have no sequence number: skip each history line once if it comes through again
                    Set<LogLine> seen = new HashSet<>(history);
                    return seen::remove;
                });
    }

    void events(HttpRequest req, HttpResponse res, SocketChannel channel, boolean text) throws IOException {
        int n = req.intParam("n", 100);
        Function<Event, String> format = text ? ControlText::event : e -> json.write(e) + "\n";
        serve(req, res, channel, text, "events", format, () -> engine.events(n),
                consumer -> engine.addListener(consumer::accept),
                history -> {
                    long lastSeq = history.isEmpty() ? Long.MIN_VALUE : history.get(history.size() - 1).seq();
                    return event -> event.seq() <= lastSeq;
                });
    }

    @SuppressWarnings("try") // the subscription is open exactly as long as the stream
    private <T> void serve(HttpRequest req, HttpResponse res, SocketChannel channel, boolean text, String what,
                           Function<T, String> format, Supplier<List<T>> history,
                           Function<Consumer<T>, Subscription> subscribe,
                           Function<List<T>, Predicate<T>> alreadySent) throws IOException {
        String type = text ? HttpResponse.TEXT : HttpResponse.NDJSON;
        if (!req.flag("follow")) {
            res.send(200, type, render(history.get(), format));
            return;
        }
        FollowStream<T> stream = new FollowStream<>();
        // subscribe first and read the history second, so that nothing falls between the two
        try (Subscription subscription = subscribe.apply(stream)) {
            List<T> earlier = history.get();
            Predicate<T> duplicate = alreadySent.apply(earlier);
            res.startChunks(type);
            res.chunk(render(earlier, format).getBytes(StandardCharsets.UTF_8));
            stream.pump(channel, res, new FollowStream.Renderer<>() {
                @Override
                public String render(T item) {
                    return duplicate.test(item) ? null : format.apply(item);
                }

                @Override
                public String dropped(long count) {
                    String message = count + " " + what + " dropped, reading too slowly";
                    return text ? "[pitstop: " + message + "]\n" : json.write(new ControlJson.Error(message)) + "\n";
                }
            }, closing);
        }
    }

    private static <T> String render(List<T> items, Function<T, String> format) {
        StringBuilder body = new StringBuilder();
        items.forEach(item -> body.append(format.apply(item)));
        return body.toString();
    }
}
