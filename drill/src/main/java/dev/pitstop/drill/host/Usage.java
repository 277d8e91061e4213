package dev.pitstop.drill.host;

/**
 * What a supervisor holds at one moment, read from {@code /proc}.
 *
 * @param descendants processes below it (children, grandchildren), zombies included
 * @param zombies of those, the ones that exited and were not reaped
 * @param fds its open file descriptors
 * @param rssKb its resident set size
 */
public record Usage(long pid, int descendants, int zombies, int fds, long rssKb) {}
