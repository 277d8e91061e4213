package dev.pitstop.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ControlException;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.process.UnknownProcessException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;

/**
 * The dashboard's JSON API under {@code /api/}, each route one {@link ControlApi} call (or a view over several);
 * anything else goes to the static files. Routes are listed in {@code docs/dashboard.md}.
 */
final class Routes extends Handler.Wrapper {
    private static final List<String> ACTIONS = List.of("reload", "restart", "stop", "start");

    private final ControlApi api;
    private final StackView stack;
    private final Streams streams;
    private final Reports reports;
    private final Secrets secrets;
    private final Replies replies;

    Routes(ControlApi api, StackView stack, Streams streams, Reports reports, Secrets secrets, Replies replies,
           Handler files) {
        super(files);
        this.api = api;
        this.stack = stack;
        this.streams = streams;
        this.reports = reports;
        this.secrets = secrets;
        this.replies = replies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (!path.startsWith("/api/")) {
            return super.handle(request, response, callback);
        }
        List<String> p = Arrays.stream(path.substring(5).split("/")).map(URIUtil::decodePath).toList();
        Fields query = Request.extractQueryParameters(request);
        boolean post = HttpMethod.POST.is(request.getMethod());
        try {
            return post ? post(p, query, response, callback) : get(p, query, response, callback);
        } catch (UnknownProcessException e) {
            return replies.error(response, callback, 404, e.getMessage());
        } catch (ControlException e) {
            return replies.error(response, callback, e.status() > 0 ? e.status() : 502, e.getMessage());
        } catch (IllegalArgumentException e) {
            return replies.error(response, callback, 400, e.getMessage());
        } catch (PitstopException | IllegalStateException e) {
            return replies.error(response, callback, 409, e.getMessage());
        }
    }

    private boolean get(List<String> p, Fields q, Response response, Callback callback) throws Exception {
        String first = p.get(0);
        if (p.size() == 1) {
            switch (first) {
                case "session":
                    return replies.json(response, callback, 200, Map.of("csrf", secrets.csrf(),
                            "csrfHeader", Secrets.CSRF_HEADER));
                case "stack":
                    return replies.json(response, callback, 200, stack.page());
                case "events":
                    return replies.json(response, callback, 200, api.events(count(q, 500)));
                case "manifest":
                    return replies.json(response, callback, 200, api.manifest());
                case "reports":
                    return replies.json(response, callback, 200, reports.list());
                case "stream":
                    streams.stack(stack, replies, response, callback);
                    return true;
                default:
                    return notFound(response, callback);
            }
        }
        if (first.equals("reports") && p.size() >= 2) {
            return reports.read(String.join("/", p.subList(1, p.size())))
                    .map(text -> Replies.send(response, callback, 200, "text/plain; charset=utf-8", text))
                    .orElseGet(() -> notFound(response, callback));
        }
        if (first.equals("processes") && p.size() >= 3 && p.get(2).equals("logs")) {
            api.process(p.get(1)); // an unknown name is a 404 before any stream starts
            if (p.size() == 4 && p.get(3).equals("stream")) {
                streams.logs(p.get(1), count(q, 200), replies, response, callback);
                return true;
            }
            return replies.json(response, callback, 200, api.logs(p.get(1), count(q, 200)));
        }
        return notFound(response, callback);
    }

    private boolean post(List<String> p, Fields q, Response response, Callback callback) {
        if (p.size() == 3 && p.get(0).equals("processes") && ACTIONS.contains(p.get(2))) {
            String name = p.get(1);
            switch (p.get(2)) {
                case "reload":
                    return replies.json(response, callback, 200, api.reload(name));
                case "restart":
                    api.restart(name);
                    break;
                case "stop":
                    api.stop(name);
                    break;
                default:
                    api.start(name);
                    break;
            }
            return replies.json(response, callback, 200, api.process(name));
        }
        if (p.size() == 3 && p.get(0).equals("binaries") && p.get(2).equals("rollback")) {
            String to = q.getValue("to");
            RollbackRequest request = to == null || to.isBlank() ? RollbackRequest.previous(p.get(1))
                    : RollbackRequest.to(p.get(1), to);
            return replies.json(response, callback, 200,
                    api.rollback("1".equals(q.getValue("force")) ? request.forced() : request));
        }
        if (p.size() == 1 && p.get(0).equals("outdated")) {
            return replies.json(response, callback, 200, stack.binaries().outdated());
        }
        return notFound(response, callback);
    }

    private boolean notFound(Response response, Callback callback) {
        return replies.error(response, callback, 404, "no such dashboard route");
    }

    private static int count(Fields q, int fallback) {
        String n = q.getValue("n");
        if (n == null) {
            return fallback;
        }
        int value = Integer.parseInt(n);
        if (value < 0 || value > 100_000) {
            throw new IllegalArgumentException("n must be 0..100000: " + n);
        }
        return value;
    }
}
