package dev.pitstop.control.pc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of Process Compose's REST API (its {@code src/types} and {@code src/api/types.go} at v1.122),
 * field for field, so that its client and scripts written against it read Pitstop's answers unchanged.
 * Durations are nanoseconds, as Go's {@code time.Duration} marshals.
 */
final class PcShapes {
    private PcShapes() {
    }

    /** {@code types.ProcessState}. */
    record ProcessState(
            @JsonProperty("name") String name,
            @JsonProperty("namespace") List<String> namespace,
            @JsonProperty("status") String status,
            @JsonProperty("system_time") String systemTime,
            @JsonProperty("age") long age,
            @JsonProperty("is_ready") String isReady,
            @JsonProperty("has_ready_probe") boolean hasReadyProbe,
            @JsonProperty("restarts") int restarts,
            @JsonProperty("exit_code") int exitCode,
            @JsonProperty("success_exit_codes") @JsonInclude(Include.NON_EMPTY) List<Integer> successExitCodes,
            @JsonProperty("pid") long pid,
            @JsonProperty("is_elevated") boolean isElevated,
            @JsonProperty("password_provided") boolean passwordProvided,
            @JsonProperty("mem") long mem,
            @JsonProperty("cpu") double cpu,
            @JsonProperty("is_running") boolean isRunning,
            @JsonProperty("process_start_time") @JsonInclude(Include.NON_NULL) Instant processStartTime) {
    }

    /** {@code types.ProcessesState}. */
    record ProcessesState(@JsonProperty("data") List<ProcessState> data) {
    }

    /** {@code types.ProjectState}. */
    record ProjectState(
            @JsonProperty("fileNames") List<String> fileNames,
            @JsonProperty("upTime") long upTime,
            @JsonProperty("startTime") Instant startTime,
            @JsonProperty("processNum") int processNum,
            @JsonProperty("runningProcessNum") int runningProcessNum,
            @JsonProperty("userName") String userName,
            @JsonProperty("version") String version,
            @JsonProperty("projectName") String projectName,
            @JsonProperty("memoryState") @JsonInclude(Include.NON_NULL) MemoryState memoryState) {
    }

    /** {@code types.MemoryState}, in MiB as Process Compose reports it; here the supervisor JVM's heap. */
    record MemoryState(
            @JsonProperty("allocated") long allocated,
            @JsonProperty("totalAllocated") long totalAllocated,
            @JsonProperty("systemMemory") long systemMemory,
            @JsonProperty("gcCycles") long gcCycles) {
    }

    /** The part of {@code types.ProcessConfig} that Pitstop's process model carries. */
    @JsonInclude(Include.NON_EMPTY)
    record ProcessConfig(
            @JsonProperty("name") String name,
            @JsonProperty("replicaName") String replicaName,
            @JsonProperty("isDaemon") boolean isDaemon,
            @JsonProperty("disabled") boolean disabled,
            @JsonProperty("command") String command,
            @JsonProperty("entrypoint") List<String> entrypoint,
            @JsonProperty("logLocation") String logLocation,
            @JsonProperty("environment") List<String> environment,
            @JsonProperty("restartPolicy") @JsonInclude(Include.ALWAYS) RestartPolicy restartPolicy,
            @JsonProperty("readyLogLine") String readyLogLine,
            @JsonProperty("shutDownParams") @JsonInclude(Include.ALWAYS) ShutDownParams shutDownParams,
            @JsonProperty("workingDir") String workingDir,
            @JsonProperty("namespace") List<String> namespace,
            @JsonProperty("successExitCodes") List<Integer> successExitCodes) {
    }

    /** {@code types.RestartPolicyConfig}; {@code restart} is the Go enum's number (0 no, 1 always, 2 on_failure, 3 exit_on_failure). */
    @JsonInclude(Include.NON_DEFAULT)
    record RestartPolicy(
            @JsonProperty("restart") int restart,
            @JsonProperty("backoffSeconds") int backoffSeconds,
            @JsonProperty("maxRestarts") int maxRestarts,
            @JsonProperty("exitOnEnd") boolean exitOnEnd,
            @JsonProperty("exitOnSkipped") boolean exitOnSkipped) {
    }

    /** {@code types.ShutDownParams}. */
    @JsonInclude(Include.NON_DEFAULT)
    record ShutDownParams(
            @JsonProperty("shutDownCommand") String shutDownCommand,
            @JsonProperty("shutDownTimeout") int shutDownTimeout,
            @JsonProperty("signal") int signal,
            @JsonProperty("parentOnly") boolean parentOnly) {
    }
}
