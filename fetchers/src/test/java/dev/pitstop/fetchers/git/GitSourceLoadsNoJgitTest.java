package dev.pitstop.fetchers.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guice reads the methods, fields and constructors of every source it makes, which loads each type they name. JGit's
 * signed jar costs a supervisor ~50 ms of start-up on its first class, so the bound git source names none of its
 * types, lambdas included; the JGit side ({@link GitBuilds}) is made on first use.
 */
class GitSourceLoadsNoJgitTest {
    private static List<Class<?>> namedTypes(Class<?> type) {
        List<Class<?>> named = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            named.add(m.getReturnType());
            named.addAll(List.of(m.getParameterTypes()));
            named.addAll(List.of(m.getExceptionTypes()));
        }
        for (Field f : type.getDeclaredFields()) {
            named.add(f.getType());
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            named.addAll(List.of(c.getParameterTypes()));
            named.addAll(List.of(c.getExceptionTypes()));
        }
        return named;
    }

    @Test
    void theBoundGitSourceNamesNoJgitType() {
        assertThat(namedTypes(GitSource.class)).extracting(Class::getName)
                .noneMatch(name -> name.startsWith("org.eclipse.jgit."));
    }

    @Test
    void theCheckCanTellAJgitSignature() {
        assertThat(Stream.of(GitCache.class, GitBuilds.class).flatMap(c -> namedTypes(c).stream()))
                .extracting(Class::getName).anyMatch(name -> name.startsWith("org.eclipse.jgit."));
    }
}
