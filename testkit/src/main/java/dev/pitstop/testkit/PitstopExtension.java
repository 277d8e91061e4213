package dev.pitstop.testkit;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PitstopTest}. The engine lives in JUnit's store, which closes it
 * (bringing the stack down) when the test class is done, even when a test failed.
 */
public final class PitstopExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PitstopExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        PitstopTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PitstopTest.class)
                .orElseThrow(() -> new IllegalStateException("@PitstopTest is missing on " + context.getRequiredTestClass()));
        Engine engine = Pitstop.open(Path.of(config.value()));
        context.getStore(NAMESPACE).put(Engine.class, engine);
        engine.up();
        engine.awaitReady(Duration.ofSeconds(config.readyTimeoutSeconds()));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Engine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Engine.class, Engine.class);
    }
}
