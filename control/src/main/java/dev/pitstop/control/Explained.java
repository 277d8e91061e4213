package dev.pitstop.control;

/** How the asset of a binary is chosen on a platform: every candidate with its score, as a table. */
public record Explained(String binary, String platform, String explanation) {}
