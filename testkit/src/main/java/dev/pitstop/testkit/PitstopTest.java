package dev.pitstop.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a stack for the test class, waits until every process is ready, hands it to test methods that take a
 * {@link PitstopStack} or an {@link dev.pitstop.core.Engine} parameter, and brings it down after the last test
 * (or after each test, with {@link Lifecycle#PER_METHOD}):
 * <pre>{@code
 * @PitstopTest(value = "src/test/resources/nats/pitstop.yaml", ports = "NATS_PORT")
 * class BrokerIT {
 *     @Test void publishes(PitstopStack stack) { connect(stack.port("NATS_PORT")); … stack.engine().reload("nats"); }
 * }
 * }</pre>
 * The stack runs from a copy of the stack file's folder under {@code target/pitstop/} (its state folder, logs and
 * lock file land there, never in {@code src/}), with a store of its own in {@code target/pitstop/home}.
 * Subclasses inherit the annotation; {@code @Nested} classes share the enclosing class's stack unless they carry
 * one of their own. For stack files written in the test, variables or Guice overrides, register a
 * {@link PitstopExtension} instead. The supervisor ({@code pitstop-engine}) must be on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PitstopExtension.class)
public @interface PitstopTest {
    /** The stack file, relative to the working directory of the test run (the module's folder under Maven). */
    String value();

    /**
     * Variables to fill with a free port on 127.0.0.1 each: the stack file reads them as {@code ${NAME}}, the test
     * as {@link PitstopStack#port(String)}.
     */
    String[] ports() default {};

    /** More variables for the stack file, as {@code NAME=value}; they win over the environment's. */
    String[] variables() default {};

    /** Whether the stack runs once for the class (default) or once per test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** How long the whole stack may take to become ready. */
    int readyTimeoutSeconds() default 60;
}
