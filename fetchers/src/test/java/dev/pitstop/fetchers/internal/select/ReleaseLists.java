package dev.pitstop.fetchers.internal.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real release listings under {@code src/test/resources/releases} (see the README there). */
final class ReleaseLists {
    record Expectation(String platform, String asset) {}

    record Listing(String file, String tool, List<String> assets, List<Expectation> expectations) {}

    private ReleaseLists() {
    }

    static List<Listing> all() {
        try (Stream<Path> files = Files.list(Path.of(ReleaseLists.class.getResource("/releases").toURI()))) {
            List<Listing> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList())) {
                out.add(read(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Listing read(Path file) throws IOException {
        String tool = null;
        List<String> assets = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("tool:")) {
                tool = line.substring(5).strip();
            } else if (line.startsWith("expect ")) {
                String[] parts = line.substring(7).split("=", 2);
                expectations.add(new Expectation(parts[0].strip(), parts[1].strip()));
            } else {
                assets.add(line);
            }
        }
        return new Listing(file.getFileName().toString(), tool, assets, expectations);
    }
}
