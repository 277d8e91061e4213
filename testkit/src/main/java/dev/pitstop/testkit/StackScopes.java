package dev.pitstop.testkit;

import dev.pitstop.core.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Where a running stack lives: in JUnit's store of the class (per-class) or of the test method (per-method), under
 * its config's key. JUnit closes what the store holds when that scope ends; a lookup also sees the stores of the
 * enclosing scopes, which is how a {@code @Nested} class finds its enclosing class's stack.
 */
final class StackScopes {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PitstopExtension.class);

    private StackScopes() {}

    /** The stack of {@code config} that {@code context} or an enclosing scope runs, or {@code null}. */
    static PitstopStack find(ExtensionContext context, StackConfig config) {
        return context.getStore(NAMESPACE).get(config.key(), PitstopStack.class);
    }

    /** Starts the class's stack unless an enclosing class already runs it; returns it either way. */
    static PitstopStack forClass(ExtensionContext context, StackConfig config) throws InterruptedException {
        PitstopStack running = find(context, config);
        return running != null ? running : start(context, config, WorkFolder.of(context.getRequiredTestClass(), null));
    }

    static PitstopStack forMethod(ExtensionContext context, StackConfig config) throws InterruptedException {
        return start(context, config,
                WorkFolder.of(context.getRequiredTestClass(), context.getRequiredTestMethod().getName()));
    }

    /** The stack, or the engine, for a test method's parameter. */
    static Object parameter(ExtensionContext context, StackConfig config, Class<?> type) {
        PitstopStack stack = find(context, config);
        if (stack == null) {
            throw new ParameterResolutionException("no stack runs for " + context.getDisplayName()
                    + " (a per-method stack is not there yet in @BeforeAll)");
        }
        return type == Engine.class ? stack.engine() : stack;
    }

    private static PitstopStack start(ExtensionContext context, StackConfig config, Path workDir)
            throws InterruptedException {
        PitstopStack stack = StackStarter.start(config, workDir);
        context.getStore(NAMESPACE).put(config.key(), stack);
        for (PitstopStack.Leftover leftover : stack.leftovers()) {
            // the reason a previous run may have failed or hung: say it where the test report shows it
            context.publishReportEntry("pitstop.leftover." + leftover.process(), leftover.detail());
            System.err.println("pitstop testkit: " + leftover.process() + ": " + leftover.detail());
        }
        return stack;
    }
}
