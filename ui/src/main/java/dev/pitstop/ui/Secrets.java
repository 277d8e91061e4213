package dev.pitstop.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two random values of one dashboard: the token that admits a browser (in the URL once, then in a cookie)
 * and the CSRF value the page sends in a header with every POST. Compared in constant time.
 */
record Secrets(String token, String csrf) {
    static final String COOKIE = "pitstop_ui";
    static final String CSRF_HEADER = "X-Pitstop-CSRF";

    static Secrets random() {
        SecureRandom random = new SecureRandom();
        return new Secrets(randomValue(random), randomValue(random));
    }

    private static String randomValue(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    boolean isToken(String candidate) {
        return same(token, candidate);
    }

    boolean isCsrf(String candidate) {
        return same(csrf, candidate);
    }

    private static boolean same(String expected, String candidate) {
        return candidate != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
