package dev.pitstop.core.stack;

import java.util.Set;

/**
 * The keys of each section: those Pitstop reads, and those Process Compose (v1.122, {@code src/types})
 * knows but Pitstop ignores with a warning. Under {@code is_strict: true} only keys in neither set are
 * errors, so every file Process Compose accepts strictly is accepted here too.
 */
final class Keys {
    private Keys() {}

    static final Set<String> TOP = Set.of("version", "processes", "environment", "log_location", "shell",
            "ordered_shutdown", "is_strict", "disable_env_expansion", "binaries", "vars", "extends", "env_cmds",
            "name", "drill", "log_configuration");
    static final Set<String> TOP_PC_ONLY = Set.of("log_format", "mcp_server");

    /**
     * Keys that configure Process Compose itself (its own log, its terminal UI) or that it fills in itself
     * and overwrites when read: accepted with a note, since ignoring them is what Process Compose's
     * behaviour amounts to under Pitstop.
     */
    static final Set<String> OWN_SETTINGS = Set.of("log_level", "log_length", "is_tui_disabled", "file_names",
            "env_file_names", "dot_env_vars", "original_config", "replica_num", "replica_name", "executable", "args",
            "disable_ansi_colors", "monitor_for", "monitor_silence_threshold");

    static final Set<String> SHELL = Set.of("shell_command", "shell_argument");
    static final Set<String> SHELL_PC_ONLY = Set.of("elevated_shell_command", "elevated_shell_argument");

    /** {@code description} and {@code namespace} label a process; {@code extends} is resolved before parsing. */
    static final Set<String> PROCESS = Set.of("command", "entrypoint", "working_dir", "environment", "env_file",
            "depends_on", "readiness_probe", "liveness_probe", "ready_log_line", "availability", "shutdown",
            "log_location", "disabled", "is_disabled", "replicas", "success_exit_codes", "description", "namespace",
            "vars", "is_template_disabled", "is_dotenv_disabled", "extends", "name",
            "on_dependency_reload", "reload_timeout_seconds", "preflight", "is_daemon", "ready", "watchdog_seconds",
            "log_configuration", "is_foreground");
    static final Set<String> PROCESS_PC_ONLY = Set.of("is_tty", "launch_timeout_seconds",
            "is_elevated", "is_interactive",
            "schedule", "watch", "mcp", "truncate_log");

    static final Set<String> DEPENDENCY = Set.of("condition");

    static final Set<String> AVAILABILITY = Set.of("restart", "backoff_seconds", "max_restarts", "exit_on_end",
            "exit_on_skipped", "backoff", "backoff_floor_seconds", "backoff_reset_seconds");

    static final Set<String> SHUTDOWN = Set.of("command", "signal", "timeout_seconds", "parent_only");
    static final Set<String> SHUTDOWN_PC_ONLY = Set.of("send_keys");

    static final Set<String> PROBE = Set.of("exec", "http_get", "tcp", "initial_delay_seconds", "period_seconds",
            "timeout_seconds", "success_threshold", "failure_threshold");
    static final Set<String> EXEC = Set.of("command", "working_dir");
    static final Set<String> HTTP_GET = Set.of("host", "scheme", "path", "port", "headers", "status_code", "num_port");
    static final Set<String> TCP = Set.of("host", "port");

    static final Set<String> NONE = Set.of();
}
