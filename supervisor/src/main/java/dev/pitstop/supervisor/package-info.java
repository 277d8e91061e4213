/**
 * The process supervisor: {@link dev.pitstop.supervisor.SupervisorModule} binds an implementation of
 * {@link dev.pitstop.core.process.Supervisor} (one per stack run) tuned by
 * {@link dev.pitstop.supervisor.SupervisorConfig}. Everything else here is package-private; the behaviour is
 * described in {@code docs/supervision.md}.
 */
package dev.pitstop.supervisor;
