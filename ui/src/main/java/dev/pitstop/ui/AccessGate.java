package dev.pitstop.ui;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Admits a request only with the dashboard's token, in the URL ({@code ?token=}, which also sets the cookie)
 * or in the cookie; a POST also needs the CSRF header the page sends. Refuses a {@code Host} that is neither
 * {@code localhost} nor the address the connection came in on (DNS rebinding), and an {@code Origin} other than
 * the dashboard's own. Answers no CORS preflight: no other origin may read or call it.
 */
final class AccessGate extends Handler.Wrapper {
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Secrets secrets;

    AccessGate(Secrets secrets, Handler inner) {
        super(inner);
        this.secrets = secrets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer"); // the first URL carries the token
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        String host = request.getHttpURI().getHost();
        if (host == null || !(host.equals("localhost") || sameAddress(host, Request.getLocalAddr(request)))) {
            return Replies.text(response, callback, 403, "refused: unknown Host " + host);
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origin.equals("http://" + request.getHttpURI().getAuthority())) {
            return Replies.text(response, callback, 403, "refused: cross-origin request from " + origin);
        }
        String method = request.getMethod();
        boolean post = HttpMethod.POST.is(method);
        if (!post && !HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return Replies.text(response, callback, 405, "refused: " + method);
        }
        String fromUrl = Request.extractQueryParameters(request).getValue("token");
        if (fromUrl != null && secrets.isToken(fromUrl)) {
            Response.addCookie(response, HttpCookie.build(Secrets.COOKIE, secrets.token())
                    .path("/").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT).build());
        } else if (!hasCookie(request)) {
            return Replies.text(response, callback, 401,
                    "refused: no dashboard token; open the URL that pitstop ui printed");
        }
        if (post && !secrets.isCsrf(request.getHeaders().get(Secrets.CSRF_HEADER))) {
            return Replies.text(response, callback, 403, "refused: a POST needs the " + Secrets.CSRF_HEADER + " header");
        }
        return super.handle(request, response, callback);
    }

    private boolean hasCookie(Request request) {
        return Request.getCookies(request).stream()
                .anyMatch(c -> c.getName().equals(Secrets.COOKIE) && secrets.isToken(c.getValue()));
    }

    /** {@code [::1]} in a Host header is {@code ::1} (or its long form) as a local address. */
    private static boolean sameAddress(String host, String local) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals(local)) {
            return true;
        }
        try {
            return bare.indexOf(':') >= 0 && java.net.InetAddress.getByName(bare)
                    .equals(java.net.InetAddress.getByName(local));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
