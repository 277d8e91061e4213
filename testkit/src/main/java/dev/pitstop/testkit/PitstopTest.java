package dev.pitstop.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the stack in {@link #value()} once for the test class, waits until every process is running and
 * ready, hands the {@link dev.pitstop.core.Engine} to test methods that take one as a parameter, and brings
 * the stack down after the last test:
 * <pre>{@code
 * @PitstopTest("src/test/resources/pitstop.yaml")
 * class BrokerIT {
 *     @Test void publishes(Engine engine) { … engine.reload("nats"); … }
 * }
 * }</pre>
 * The supervisor module ({@code pitstop-supervisor}) must be on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PitstopExtension.class)
public @interface PitstopTest {
    /** The stack file, relative to the working directory of the test run. */
    String value();

    /** How long the whole stack may take to become ready. */
    int readyTimeoutSeconds() default 60;
}
