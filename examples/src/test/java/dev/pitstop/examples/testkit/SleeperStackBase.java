package dev.pitstop.examples.testkit;

import dev.pitstop.testkit.Lifecycle;
import dev.pitstop.testkit.PitstopTest;

/** A base class that carries the stack; {@link InheritedPitstopTestTest} inherits it. */
@PitstopTest(value = "src/test/resources/testkit/sleepers/pitstop.yaml", lifecycle = Lifecycle.PER_METHOD)
abstract class SleeperStackBase {
}
