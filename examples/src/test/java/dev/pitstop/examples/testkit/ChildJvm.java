package dev.pitstop.examples.testkit;

import dev.pitstop.examples.testkit.fixtures.JUnitRunner;
import dev.pitstop.examples.testkit.fixtures.Recorded;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A test JVM of its own: {@link JUnitRunner} on fixture classes, with this build's JUnit or with the JUnit 5.10 jars
 * that the build copies to {@code target/junit-5.10}. Its work folders and recorded PIDs are in {@code dir}.
 */
final class ChildJvm {
    /** The oldest JUnit 5 the testkit supports; the build copies its jars here. */
    static final Path JUNIT_5_10 = Path.of("target", "junit-5.10");

    private ChildJvm() {}

    static Process start(Path dir, boolean junit510, Map<String, String> properties, Class<?>... classes) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(junit510), "-D" + Recorded.FILE + "=" + dir.resolve("pids"),
                "-Dpitstop.testkit.dir=" + dir.resolve("work")));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(JUnitRunner.class.getName());
        Arrays.stream(classes).map(Class::getName).forEach(command::add);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    /** Runs to the end (at most two minutes) and returns what it printed. */
    static String run(Path dir, boolean junit510, Map<String, String> properties, Class<?>... classes)
            throws IOException, InterruptedException {
        Process jvm = start(dir, junit510, properties, classes);
        try {
            if (!jvm.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the test JVM did not end: " + output(dir));
            }
            return output(dir);
        } finally {
            jvm.destroyForcibly();
        }
    }

    static String output(Path dir) throws IOException {
        Path out = dir.resolve("out.txt");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    private static String classPath(boolean junit510) throws IOException {
        String own = System.getProperty("java.class.path");
        if (!junit510) {
            return own;
        }
        Stream<String> withoutJUnit = Arrays.stream(own.split(File.pathSeparator))
                .filter(e -> !e.contains("/org/junit/") && !e.contains("/org/opentest4j/"));
        try (Stream<Path> jars = Files.list(JUNIT_5_10)) {
            return Stream.concat(withoutJUnit, jars.map(p -> p.toAbsolutePath().toString()))
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }
}
