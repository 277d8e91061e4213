package dev.pitstop.supervisor.platform;

/** The two ends of a pipe, as file descriptors of this process. */
public record Pipe(int readFd, int writeFd) {}
