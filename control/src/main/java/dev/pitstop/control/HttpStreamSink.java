package dev.pitstop.control;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A streamed answer on the hand-written HTTP layer: NDJSON (or text) chunks on one connection. */
final class HttpStreamSink implements StreamSink {
    private final HttpResponse response;
    private final SocketChannel channel;
    private final Answers answers;
    private final boolean text;

    HttpStreamSink(HttpResponse response, SocketChannel channel, Answers answers, boolean text) {
        this.response = response;
        this.channel = channel;
        this.answers = answers;
        this.text = text;
    }

    @Override
    public void whole(AnswerKind kind, List<?> items) throws IOException {
        response.send(200, text ? HttpResponse.TEXT : HttpResponse.NDJSON, render(kind, items));
    }

    @Override
    public void start(AnswerKind kind, List<?> history) throws IOException {
        response.startChunks(text ? HttpResponse.TEXT : HttpResponse.NDJSON);
        response.chunk(render(kind, history).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void pump(AnswerKind kind, FollowStream<?> stream, BooleanSupplier closing) throws IOException {
        stream.pump(channel, response, new FollowStream.Renderer() {
            @Override
            public String render(Object item) {
                return answers.body(kind, item, text);
            }

            @Override
            public String dropped(long count) {
                String message = count + (kind == AnswerKind.EVENT ? " events" : " lines") + " dropped, reading too slowly";
                return text ? answers.body(AnswerKind.NOTICE, message, true) : answers.error(message, false);
            }
        }, closing);
    }

    private String render(AnswerKind kind, List<?> items) {
        StringBuilder body = new StringBuilder();
        items.forEach(item -> body.append(answers.body(kind, item, text)));
        return body.toString();
    }
}
