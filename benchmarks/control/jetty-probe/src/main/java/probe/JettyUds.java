package probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A Jetty 12 core server on a Unix socket answering one JSON route, until killed. */
public final class JettyUds {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("control");
        Server server = new Server(pool);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 1, 1);
        connector.setUnixDomainPath(Path.of(args[0]));
        server.addConnector(connector);
        byte[] body = "[{\"name\":\"a\",\"state\":\"RUNNING\"}]\n".getBytes(StandardCharsets.UTF_8);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        System.out.println("listening");
        server.join();
    }
}
