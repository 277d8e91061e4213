package dev.pitstop.ui;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** The page, its CSS and JavaScript, served from this jar's {@code dev/pitstop/ui/web/}: no CDN, no build step. */
final class StaticFiles {
    static final String ROOT = "dev/pitstop/ui/web/";

    private StaticFiles() {}

    static Handler handler() {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(files).newClassLoaderResource(ROOT));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        return files;
    }
}
