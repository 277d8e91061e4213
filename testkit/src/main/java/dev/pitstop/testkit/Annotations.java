package dev.pitstop.testkit;

/** Finds the {@link PitstopTest} that applies to a test class: its own or a superclass's, else an enclosing class's. */
final class Annotations {
    private Annotations() {}

    static StackConfig config(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Class<?> found = declaringClass(c);
            if (found != null) {
                return StackConfig.of(found.getAnnotation(PitstopTest.class), found);
            }
        }
        throw new IllegalStateException("@PitstopTest is missing on " + testClass.getName()
                + ", its superclasses and enclosing classes");
    }

    /** The class whose {@code @PitstopTest} {@code c} carries: itself, or the superclass it inherits it from. */
    private static Class<?> declaringClass(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getDeclaredAnnotation(PitstopTest.class) != null) {
                return k;
            }
        }
        return null;
    }
}
