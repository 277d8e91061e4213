package dev.pitstop.testkit;

/** How long a stack started by the testkit runs. */
public enum Lifecycle {
    /** Started before the first test of the class (and its {@code @Nested} classes), stopped after the last. */
    PER_CLASS,
    /** Started before each test method and stopped after it. */
    PER_METHOD
}
