package dev.pitstop.supervisor;

import dev.pitstop.core.process.ProcessState;

/** What dependents may ask of a process, taken atomically. */
record Facts(ProcessState state, boolean everStarted, boolean ready, boolean logReady, Integer exitCode,
             boolean succeeded) {}
